import { byKey, groupByKey, groupsFor, withoutKey } from '../../src/common/batches.js';

/** What a DataLoader's batch hands back: one answer per key asked, in the order asked. */
describe('batches of rows read for many keys', () => {
  const rows = [
    { __key: 'KIR', id: 'a' },
    { __key: 'VUT', id: 'b' },
    { __key: 'KIR', id: 'c' },
  ];

  it('groups rows under their keys in the order they came', () => {
    expect([...groupByKey(rows, (r) => r.__key)]).toEqual([
      ['KIR', [rows[0], rows[2]]],
      ['VUT', [rows[1]]],
    ]);
  });

  it('answers each key asked, in the order asked, with an empty list for a key without rows', () => {
    expect(groupsFor(['VUT', 'TUV', 'KIR'], rows, (r) => r.__key).map((group) => group.map((r) => r.id))).toEqual([['b'], [], ['a', 'c']]);
    expect(groupsFor([], rows, (r) => r.__key)).toEqual([]);
  });

  it('keeps the last row of a key when one row per key is wanted', () => {
    expect(byKey(rows, (r) => r.__key).get('KIR')).toBe(rows[2]);
    expect(byKey(rows, (r) => r.__key).has('TUV')).toBe(false);
  });

  it('drops the key column, and only it', () => {
    expect(withoutKey(rows[0])).toEqual({ id: 'a' });
    expect(rows[0]).toEqual({ __key: 'KIR', id: 'a' });
  });
});
