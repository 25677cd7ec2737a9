import { unstorableTextAt } from '../../src/common/validation.js';

describe('text that cannot be stored as sent', () => {
  it('finds a NUL character or a lone surrogate anywhere in an argument, and says where', () => {
    expect(unstorableTextAt({ notes: 'a\u0000b' }, 'input')).toBe('input.notes: text cannot contain the NUL character (\\u0000)');
    expect(unstorableTextAt({ languages: ['en', 'f\uD800'] }, 'input')).toBe(
      'input.languages[1]: text must be valid Unicode (it holds a lone surrogate)',
    );
    expect(unstorableTextAt({ iso3: 'V\u0000T' }, '')).toBe('iso3: text cannot contain the NUL character (\\u0000)');
    expect(unstorableTextAt('\uDC00', 'id')).toBe('id: text must be valid Unicode (it holds a lone surrogate)');
  });

  it('accepts any other text, including characters outside the BMP and control characters', () => {
    expect(unstorableTextAt({ notes: '𝄞 é \t\n \u202E <script>', languages: ['en'], n: 1, none: null }, 'input')).toBeUndefined();
  });

  it('does not walk into class instances (requests, loaders, errors)', () => {
    expect(unstorableTextAt({ error: new Error('\u0000') }, 'context')).toBeUndefined();
  });
});
