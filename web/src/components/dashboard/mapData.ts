/**
 * States too small for the world map's shapes (Natural Earth 1:110m leaves them out): each is
 * drawn as a marker at its capital or main island, [longitude, latitude], by ISO3 code.
 */
export const SMALL_STATES: Record<string, [number, number]> = {
  KIR: [173.0, 1.45], // Kiribati (Tarawa)
  TUV: [179.2, -8.52],
  NRU: [166.93, -0.53],
  MHL: [171.38, 7.1],
  PLW: [134.58, 7.5],
  TON: [-175.2, -21.14],
  FSM: [158.21, 6.92],
  WSM: [-171.76, -13.83],
  NIU: [-169.87, -19.05],
  COK: [-159.78, -21.23],
  MDV: [73.51, 4.18],
  MUS: [57.55, -20.3],
  SYC: [55.45, -4.62],
  COM: [43.87, -11.87],
  STP: [6.73, 0.33],
  CPV: [-23.51, 14.93],
  SGP: [103.82, 1.35],
  BHR: [50.55, 26.07],
  MLT: [14.45, 35.9],
  AND: [1.52, 42.51],
  LIE: [9.55, 47.14],
  MCO: [7.42, 43.73],
  SMR: [12.45, 43.94],
  VAT: [12.45, 41.9],
  ATG: [-61.8, 17.07],
  BRB: [-59.55, 13.17],
  DMA: [-61.37, 15.41],
  GRD: [-61.68, 12.12],
  KNA: [-62.75, 17.3],
  LCA: [-60.98, 13.9],
  VCT: [-61.2, 13.25],
};

export const TREATY_STATUSES = ['STATE_PARTY', 'DEPOSITED', 'SIGNATORY', 'NOT_SIGNED', 'WITHDRAWN'] as const;
export const STAGES = ['JOINED', 'DEPOSITED', 'APPROVED', 'DOMESTIC_PROCESS', 'SUPPORTIVE', 'ENGAGED', 'NOT_ENGAGED', 'DECLINED'] as const;
export type MapMode = 'status' | 'stage';

/** The CSS class that colours a State (see app.css): by treaty status or by ratification stage. */
export const fillClass = (mode: MapMode, value: string | null | undefined) => (value ? `fill-${mode}-${value}` : 'fill-none');
