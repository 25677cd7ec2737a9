// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useFormWrite } from './useFormWrite';

const badInput = (problems: string[]) => ({
  graphQLErrors: [{ message: 'Invalid input', extensions: { code: 'BAD_USER_INPUT', details: { problems } } }],
});
const conflict = {
  graphQLErrors: [{ message: 'changed', extensions: { code: 'CONFLICT', details: { id: 'x', expectedVersion: 3, actualVersion: 4 } } }],
};

function setUp() {
  return renderHook(() => useFormWrite({ name: 'Kiribati', note: '' }, ['name', 'note']));
}

describe('a form that writes', () => {
  it('stops at the problems found in the browser, without sending', async () => {
    const { result } = setUp();
    let sent = false;
    let done: boolean | undefined;
    await act(async () => {
      done = await result.current.run({ name: 'required' }, () => {
        sent = true;
        return Promise.resolve({});
      });
    });
    expect(done).toBe(false);
    expect(sent).toBe(false);
    expect(result.current.errors).toEqual({ name: 'required' });
  });

  it("puts a BAD_USER_INPUT's problems on their fields, the rest aside, and a field's change forgets its problem", async () => {
    const { result } = setUp();
    let done: boolean | undefined;
    await act(async () => {
      done = await result.current.run({}, () =>
        Promise.resolve({ error: badInput(['input.note: note is too long', 'input.mood: property mood should not exist']) }),
      );
    });
    expect(done).toBe(false);
    expect(result.current.errors).toEqual({ note: 'note is too long' });
    expect(result.current.other).toEqual(['property mood should not exist']);
    expect(result.current.busy).toBe(false);
    act(() => result.current.set('note', 'shorter'));
    expect(result.current.values).toEqual({ name: 'Kiribati', note: 'shorter' });
    expect(result.current.errors).toEqual({});
    expect(result.current.original).toEqual({ name: 'Kiribati', note: '' });
  });

  it('keeps a CONFLICT, and re-applies the change once with the version read again', async () => {
    const { result } = setUp();
    const sent: number[] = [];
    const send = (expectedVersion: number) => {
      sent.push(expectedVersion);
      return Promise.resolve(expectedVersion === 3 ? { error: conflict } : {});
    };
    let done: boolean | undefined;
    await act(async () => {
      done = await result.current.run({}, () => send(3));
    });
    expect(done).toBe(false);
    expect(result.current.conflict).toBe(conflict);
    expect(result.current.errors).toEqual({});
    await act(async () => {
      done = await result.current.reapply(() => Promise.resolve({ version: 4 }), send);
    });
    expect(done).toBe(true);
    expect(sent).toEqual([3, 4]);
    expect(result.current.conflict).toBeNull();
  });

  it('does not send the change again when the item was deleted meanwhile, and says so', async () => {
    const { result } = setUp();
    let sent = false;
    let done: boolean | undefined;
    await act(async () => {
      await result.current.run({}, () => Promise.resolve({ error: conflict }));
      done = await result.current.reapply(
        () => Promise.resolve(null),
        () => {
          sent = true;
          return Promise.resolve({});
        },
      );
    });
    expect(done).toBe(false);
    expect(sent).toBe(false);
    expect(result.current.conflict).toBeNull();
    expect(result.current.other).toEqual(['errors.gone']);
  });
});
