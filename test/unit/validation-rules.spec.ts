import { IsInt, IsString, MaxLength, getMetadataStorage, validateSync } from 'class-validator';
import { keepValidationRules } from '../../src/common/validation-rules.js';

class Base {
  @IsString()
  name: unknown;
}

class Derived extends Base {
  @MaxLength(3)
  code: unknown;
}

const failing = (object: object) => validateSync(object).map((error) => error.property);

describe('keepValidationRules', () => {
  beforeAll(() => keepValidationRules());

  it('validates as class-validator does: own rules and those of the bases', () => {
    expect(failing(Object.assign(new Derived(), { name: 1, code: 'abcd' })).sort()).toEqual(['code', 'name']);
    expect(failing(Object.assign(new Derived(), { name: 'x', code: 'abc' }))).toEqual([]);
    expect(failing(Object.assign(new Base(), { name: 2 }))).toEqual(['name']);
  });

  it('looks a class up once for the same options, and apart for others', () => {
    const storage = getMetadataStorage();
    const first = storage.getTargetValidationMetadatas(Derived, '', false, false);
    expect(storage.getTargetValidationMetadatas(Derived, '', false, false)).toBe(first);
    expect(storage.groupByPropertyName(first)).toBe(storage.groupByPropertyName(first));
    expect(first.map((rule) => rule.propertyName).sort()).toEqual(['code', 'name']);
    expect(storage.getTargetValidationMetadatas(Derived, '', false, false, ['admin'])).toEqual([]);
  });

  it('sees a rule registered after the class was first validated, on the class and on those that extend it', () => {
    expect(failing(Object.assign(new Derived(), { name: 'x', code: 'a', count: 'many' }))).toEqual([]);
    IsInt()(Base.prototype, 'count');
    expect(failing(Object.assign(new Base(), { name: 'x', count: 'many' }))).toEqual(['count']);
    expect(failing(Object.assign(new Derived(), { name: 'x', code: 'a', count: 'many' }))).toEqual(['count']);
  });
});
