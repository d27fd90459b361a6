import { describe, expect, it } from 'vitest';
import { nameForLocale, romanizeName } from './person-name.ts';

describe('names for English readers', () => {
  it.each([
    ['홍길동', 'Hong Gildong'],
    ['김주무관', 'Gim Jumugwan'],
    ['남궁민수', 'Namgung Minsu'],
    ['이청년', 'I Cheongnyeon'],
    ['시스템 관리자', 'Siseutem Gwallija'],
    ['한*원', 'Han *won'],
  ])('%s reads %s', (name, roman) => {
    expect(romanizeName(name)).toBe(roman);
  });

  it('keeps the Hangul beside the romanized name in English and leaves Korean and Latin names alone', () => {
    expect(nameForLocale('홍길동', 'en')).toBe('Hong Gildong (홍길동)');
    expect(nameForLocale('홍길동', 'ko')).toBe('홍길동');
    expect(nameForLocale('Jane Kim', 'en')).toBe('Jane Kim');
  });
});
