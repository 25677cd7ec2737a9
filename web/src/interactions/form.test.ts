import { describe, expect, it } from 'vitest';
import { changedFields, emptyValues, localProblems, logInput, valuesOf } from './form';

const messages = { required: 'required', statesRequired: 'states', followUpBefore: 'before' };

describe('the interaction form', () => {
  const read = valuesOf({
    id: '7',
    version: 3,
    type: 'LETTER',
    occurredOn: '2026-11-30',
    subject: 'Invitation to the Meeting of States Parties',
    summary: null,
    outcome: 'Acknowledged',
    followUpOn: '2027-01-15',
    visibility: 'ORGANIZATION',
    states: [{ iso3: 'KIR' }, { iso3: 'TUV' }],
    contacts: [{ id: '12' }],
  });

  it('sends only what the user changed, clearing emptied fields with null', () => {
    expect(changedFields(read, read)).toEqual({});
    expect(changedFields(read, { ...read, subject: ' Invitation (revised) ', outcome: '', followUpOn: '' })).toEqual({
      subject: 'Invitation (revised)',
      outcome: null,
      followUpOn: null,
    });
  });

  it('compares States and contacts as sets', () => {
    expect(changedFields(read, { ...read, stateIso3s: ['TUV', 'KIR'] })).toEqual({});
    expect(changedFields(read, { ...read, stateIso3s: ['KIR'], contactIds: [] })).toEqual({ stateIso3s: ['KIR'], contactIds: [] });
  });

  it('ignores whitespace-only edits', () => {
    expect(changedFields(read, { ...read, subject: `${read.subject}  ` })).toEqual({});
  });

  it('logs a new interaction without its empty fields', () => {
    const values = { ...emptyValues('2026-12-02', ['KIR']), subject: ' Letter on the Convention ' };
    expect(logInput(values)).toEqual({
      type: 'LETTER',
      occurredOn: '2026-12-02',
      stateIso3s: ['KIR'],
      contactIds: undefined,
      subject: 'Letter on the Convention',
      summary: undefined,
      outcome: undefined,
      followUpOn: undefined,
      visibility: 'ORGANIZATION',
    });
  });

  it('tells a missing subject, States or date, and a follow-up before the interaction', () => {
    expect(localProblems(emptyValues(''), messages)).toEqual({ subject: 'required', occurredOn: 'required', stateIso3s: 'states' });
    expect(localProblems({ ...emptyValues('2026-12-02', ['KIR']), subject: 'x', followUpOn: '2026-12-01' }, messages)).toEqual({
      followUpOn: 'before',
    });
  });
});
