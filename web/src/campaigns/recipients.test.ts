import { describe, expect, it } from 'vitest';
import { addressByPosting, addressees, recipientsInput } from './recipients';

const geneva = { id: 'g', fullName: 'Ana Geneva', posting: 'GENEVA_MISSION' };
const newYork = { id: 'n', fullName: 'Ben New York', posting: 'NEW_YORK_MISSION' };
const capital = { id: 'c', fullName: 'Chloé Capital', posting: 'CAPITAL' };
const other = { id: 'o', fullName: 'Omar Other', posting: 'OTHER' };

describe('the recipients of a new campaign', () => {
  it('are the contacts of the first posting the State has: Geneva, then New York, then the capital', () => {
    expect(addressByPosting([capital, newYork, geneva])).toEqual({ posting: 'GENEVA_MISSION', contacts: [geneva], byHand: false });
    expect(addressByPosting([capital, newYork])).toEqual({ posting: 'NEW_YORK_MISSION', contacts: [newYork], byHand: false });
    expect(addressByPosting([capital, other])).toEqual({ posting: 'CAPITAL', contacts: [capital], byHand: false });
  });

  it('are nobody when the State has no contact at those postings', () => {
    expect(addressByPosting([other])).toEqual({ posting: null, contacts: [], byHand: false });
    expect(addressByPosting([])).toEqual({ posting: null, contacts: [], byHand: false });
  });

  it('are the ones chosen by hand where the user chose them, and only those go to the API as recipients', () => {
    const contacts = new Map([
      ['FJI', [geneva, capital]],
      ['TUV', [newYork]],
    ]);
    const picked = new Map([['FJI', ['c']]]);
    const result = addressees(['FJI', 'TUV', 'KIR'], contacts, picked);
    expect(result.get('FJI')).toEqual({ posting: null, contacts: [capital], byHand: true });
    expect(result.get('TUV')).toEqual({ posting: 'NEW_YORK_MISSION', contacts: [newYork], byHand: false });
    expect(result.get('KIR')).toEqual({ posting: null, contacts: [], byHand: false });
    expect(recipientsInput(['FJI', 'TUV', 'KIR'], picked)).toEqual([{ stateIso3: 'FJI', contactIds: ['c'] }]);
  });
});
