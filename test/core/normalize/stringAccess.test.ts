import fc from 'fast-check';
import { codeAt, typedString } from '../../../core/normalize/stringAccess';

// Strings of several internal kinds: literals (internalized), sliced, concatenated, one- and two-byte.
const kinds = (s: string): string[] => [
  s,
  `${s}0123456789abcdefghij`.slice(0, s.length),
  `xy${s}`.slice(2),
  s.split('').join(''),
  JSON.parse(JSON.stringify(s)) as string,
];

describe('typedString and codeAt', () => {
  it('are the string itself and its code units, for every kind of string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 12 }), (s) => {
        for (const text of kinds(s)) {
          expect(typedString(text)).toBe(text);
          for (let i = -1; i <= text.length; i++)
            expect(Object.is(codeAt(text, i), text.charCodeAt(i))).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('read a two-byte name and an empty text as charCodeAt does', () => {
    expect([0, 1, 2].map((i) => codeAt('黎嶺村', i))).toEqual([0x9ece, 0x5dba, 0x6751]);
    expect(codeAt('', 0)).toBeNaN();
  });
});
