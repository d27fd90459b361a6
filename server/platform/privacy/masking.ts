// Masking for presenters that show personal data to people without the right to see it whole.
// Lengths are kept (in visible characters), so a masked value still reads like the original.
const segmenter = new Intl.Segmenter('ko', { granularity: 'grapheme' });
const graphemes = (s: string) => Array.from(segmenter.segment(s), (g) => g.segment);

/** 홍길동 → 홍*동, 홍길 → 홍*, 남궁민수 → 남**수; a single character becomes *. */
export function maskName(name: string): string {
  const chars = graphemes(name);
  if (chars.length <= 1) return '*'.repeat(chars.length);
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}

/** 010-1234-5678 → 010-****-5678, 01012345678 → 010****5678, 02-123-4567 → 02-***-4567. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  const n = digits.length;
  if (n <= 4) return phone.replace(/\d/g, '*');
  const head = n >= 8 ? (digits.startsWith('02') ? 2 : 3) : 0; // Seoul's area code has two digits
  let seen = 0;
  return phone.replace(/\d/g, (d) => {
    const i = seen++;
    return i < head || i >= n - 4 ? d : '*';
  });
}

/** hong@example.com → h***@example.com; the domain stays, the local part keeps its first character. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  const local = at < 0 ? email : email.slice(0, at);
  const domain = at < 0 ? '' : email.slice(at);
  const chars = graphemes(local);
  const masked = chars.length <= 1 ? '*'.repeat(chars.length) : chars[0] + '*'.repeat(chars.length - 1);
  return masked + domain;
}
