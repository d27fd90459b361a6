import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskEmail, maskName, maskPhone } from './masking.ts';

const graphemeCount = (s: string) =>
  Array.from(new Intl.Segmenter('ko', { granularity: 'grapheme' }).segment(s)).length;
const hangulSyllable = fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCharCode(c));

describe('maskName', () => {
  it('masks Korean names as the presenters show them', () => {
    expect(maskName('홍길동')).toBe('홍*동');
    expect(maskName('홍길')).toBe('홍*');
    expect(maskName('남궁민수')).toBe('남**수');
    expect(maskName('홍')).toBe('*');
    expect(maskName('')).toBe('');
  });

  it('keeps the length, the first character, and never returns a name of two or more characters', () => {
    fc.assert(
      fc.property(fc.array(hangulSyllable, { minLength: 2, maxLength: 12 }), (chars) => {
        const name = chars.join('');
        const masked = maskName(name);
        expect(graphemeCount(masked)).toBe(chars.length);
        expect(masked.startsWith(chars[0])).toBe(true);
        expect(masked).not.toBe(name);
        expect(masked).toContain('*');
      }),
    );
  });

  it('keeps the last character of names of three or more', () => {
    fc.assert(
      fc.property(fc.array(hangulSyllable, { minLength: 3, maxLength: 12 }), (chars) => {
        expect(maskName(chars.join('')).endsWith(chars[chars.length - 1])).toBe(true);
      }),
    );
  });

  it('counts visible characters, not code units, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 2, maxLength: 20 }), (name) => {
        expect(graphemeCount(maskName(name))).toBe(graphemeCount(name));
      }),
    );
  });
});

describe('maskPhone', () => {
  it('masks mobile and landline numbers with and without hyphens', () => {
    expect(maskPhone('010-1234-5678')).toBe('010-****-5678');
    expect(maskPhone('01012345678')).toBe('010****5678');
    expect(maskPhone('02-123-4567')).toBe('02-***-4567');
    expect(maskPhone('031-123-4567')).toBe('031-***-4567');
    expect(maskPhone('1234')).toBe('****');
  });

  it('keeps the length, every non-digit, and the last four digits, and hides the middle', () => {
    const phone = fc
      .tuple(
        fc.constantFrom('010', '011', '02', '031', '070'),
        fc.stringMatching(/^\d{3,4}$/),
        fc.stringMatching(/^\d{4}$/),
        fc.boolean(),
      )
      .map(([a, b, c, hyphens]) => (hyphens ? `${a}-${b}-${c}` : `${a}${b}${c}`));
    fc.assert(
      fc.property(phone, (p) => {
        const masked = maskPhone(p);
        expect(masked.length).toBe(p.length);
        expect(masked.replace(/\*/g, '').replace(/\d/g, '')).toBe(p.replace(/\d/g, ''));
        expect(masked.slice(-4)).toBe(p.slice(-4));
        expect(masked).not.toBe(p);
        const middle = p.replace(/\D/g, '').length - 4 - (p.startsWith('02') ? 2 : 3);
        expect((masked.match(/\*/g) ?? []).length).toBe(middle);
      }),
    );
  });
});

describe('maskEmail', () => {
  it('keeps the first character and the domain', () => {
    expect(maskEmail('hong@example.com')).toBe('h***@example.com');
    expect(maskEmail('a@example.com')).toBe('*@example.com');
    expect(maskEmail('first.last@sub.example.kr')).toBe('f*********@sub.example.kr');
  });

  it('keeps the length and the domain and never shows a local part of two or more characters', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (email) => {
        const masked = maskEmail(email);
        const at = email.lastIndexOf('@');
        expect(masked.length).toBe(email.length);
        expect(masked.slice(masked.lastIndexOf('@'))).toBe(email.slice(at));
        if (/[^*]/.test(email.slice(1, at))) expect(masked).not.toBe(email); // a local part of stars masks to itself
      }),
    );
  });
});
