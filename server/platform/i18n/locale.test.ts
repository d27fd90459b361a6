import { describe, expect, it } from 'vitest';
import { pickLocale } from './locale.ts';

describe('pickLocale', () => {
  it('follows Accept-Language by quality', () => {
    expect(pickLocale('en-US,en;q=0.9,ko;q=0.8')).toBe('en');
    expect(pickLocale('fr;q=1, ko-KR;q=0.5, en;q=0.4')).toBe('ko');
  });
  it("falls back to the person's setting, then Korean", () => {
    expect(pickLocale('fr-FR', 'en')).toBe('en');
    expect(pickLocale(undefined, null)).toBe('ko');
    expect(pickLocale('*')).toBe('ko');
  });
  it('lets an explicit request language win over the setting', () => {
    expect(pickLocale('en', 'ko')).toBe('en');
  });
});
