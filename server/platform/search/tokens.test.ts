import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bigrams, choseongQuery, documentText, initialsOf, queryText, words } from './tokens.ts';

describe('search tokens', () => {
  it('splits Hangul from other characters and makes syllable bigrams', () => {
    expect(words('2019년 K-스타트업')).toEqual(['2019', '년', 'k', '스타트업']);
    expect(bigrams('청년창업')).toEqual(['청년', '년창', '창업']);
    expect(documentText('청년창업 지원')).toBe('청년창업 청년 년창 창업 지원 업지');
  });

  it('turns queries into the same bigrams joined with &, single syllables as prefixes', () => {
    expect(queryText('창업')).toBe('창업');
    expect(queryText('청년창업')).toBe('청년 & 년창 & 창업');
    expect(queryText('창')).toBe('창:*');
    expect(queryText('Startup 창업!')).toBe('startup & 창업');
    expect(queryText('!!! ...')).toBeNull();
  });

  it('recognises initial-consonant queries', () => {
    expect(initialsOf('청년 창업 지원')).toBe('ㅊㄴㅊㅇㅈㅇ');
    expect(choseongQuery('ㅊㅇ')).toBe('ㅊㅇ');
    expect(choseongQuery('ㅅㅎ ㄱㅈ')).toBe('ㅅㅎㄱㅈ');
    expect(choseongQuery('창업')).toBeNull();
  });

  it('never lets query syntax through, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (q) => {
        const text = queryText(q);
        if (text !== null) expect(text).toMatch(/^[\p{L}\p{M}\p{N}]+(:\*)?( & [\p{L}\p{M}\p{N}]+(:\*)?)*$/u);
      }),
    );
  });

  it('every bigram of a Hangul query word is among the document’s tokens', () => {
    const syllables = fc.array(
      fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCharCode(c)),
      { minLength: 2, maxLength: 8 },
    );
    fc.assert(
      fc.property(syllables, (chars) => {
        const word = chars.join('');
        const doc = new Set(documentText(`앞 ${word} 뒤`).split(' '));
        for (const term of queryText(word)!.split(' & ')) expect(doc.has(term)).toBe(true);
      }),
    );
  });
});
