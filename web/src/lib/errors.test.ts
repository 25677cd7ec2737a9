import { describe, expect, it } from 'vitest';
import { conflictVersions, errorCode, fieldOfPath, formProblems, isConflict, parseProblem } from './errors';
import { reloadAndReapply } from './conflict';

const badInput = (details: Record<string, unknown>, message = 'Invalid input') => ({
  graphQLErrors: [{ message, extensions: { code: 'BAD_USER_INPUT', details } }],
});

describe('BAD_USER_INPUT problems on form fields', () => {
  it('reads the field out of each problem path, without the argument name and indexes', () => {
    expect(fieldOfPath('input.subject')).toBe('subject');
    expect(fieldOfPath('input.stateIso3s[1]')).toBe('stateIso3s');
    expect(fieldOfPath('input.posting.from')).toBe('posting.from');
    expect(fieldOfPath('language')).toBe('language');
    expect(parseProblem('input.subject: subject must be longer than or equal to 1 characters')).toEqual({
      field: 'subject',
      message: 'subject must be longer than or equal to 1 characters',
    });
    expect(parseProblem('The display name cannot be empty')).toEqual({ message: 'The display name cannot be empty' });
  });

  it('puts each problem on its field (the first one per field), and the others aside', () => {
    const error = badInput({
      problems: [
        'input.subject: subject should not be empty',
        'input.subject: subject must be a string',
        'input.followUpOn: followUpOn must be a valid ISO 8601 date string',
        'input.mood: property mood should not exist',
      ],
    });
    expect(formProblems(error, ['subject', 'followUpOn'])).toEqual({
      fields: { subject: 'subject should not be empty', followUpOn: 'followUpOn must be a valid ISO 8601 date string' },
      other: ['property mood should not exist'],
    });
  });

  it('renames server paths to the form names it is given', () => {
    const error = badInput({ problems: ['input.stateIso3s[0]: each value in stateIso3s must be an ISO3 code'] });
    expect(formProblems(error, { stateIso3s: 'states' }).fields).toEqual({ states: 'each value in stateIso3s must be an ISO3 code' });
  });

  it('uses details.field with the error message, and keeps a problem without a field', () => {
    expect(formProblems(badInput({ field: 'currentPassword' }, 'The current password is wrong')).fields).toEqual({
      currentPassword: 'The current password is wrong',
    });
    expect(formProblems(badInput({}, 'You cannot change your own role'))).toEqual({
      fields: {},
      other: ['You cannot change your own role'],
    });
  });

  it('ignores errors of other codes', () => {
    const error = { graphQLErrors: [{ message: 'stale', extensions: { code: 'CONFLICT', details: { problems: ['input.x: y'] } } }] };
    expect(formProblems(error)).toEqual({ fields: {}, other: [] });
    expect(errorCode(error)).toBe('CONFLICT');
  });
});

describe('CONFLICT: reload and re-apply', () => {
  const conflict = {
    graphQLErrors: [{ message: 'changed', extensions: { code: 'CONFLICT', details: { id: 'x', expectedVersion: 3, actualVersion: 4 } } }],
  };

  it('tells a conflict and its versions', () => {
    expect(isConflict(conflict)).toBe(true);
    expect(isConflict(badInput({}))).toBe(false);
    expect(conflictVersions(conflict)).toEqual({ expectedVersion: 3, actualVersion: 4 });
    expect(conflictVersions(badInput({}))).toBeUndefined();
  });

  it('sends the change again with the version read again, once', async () => {
    const sent: number[] = [];
    const result = await reloadAndReapply(
      () => Promise.resolve({ version: 4 }),
      (expectedVersion) => {
        sent.push(expectedVersion);
        return Promise.resolve({ error: null, data: expectedVersion });
      },
    );
    expect(sent).toEqual([4]);
    expect(result).toEqual({ error: null, data: 4 });
  });

  it('does not send the change when the item is gone', async () => {
    let sent = false;
    const result = await reloadAndReapply(
      () => Promise.resolve(null),
      () => {
        sent = true;
        return Promise.resolve({ error: null });
      },
    );
    expect(sent).toBe(false);
    expect(result.error?.message).toBe('The item no longer exists');
  });
});
