export const ACTIVITY_BUS = Symbol('ACTIVITY_BUS');
