// A small Korean profanity masker: common swear words, also written with spaces, dots or other marks
// between their syllables (씨 발, 씨.발) and their usual variant spellings, are shown as ● (one per
// letter). Ordinary words that contain the same syllables (시발점, 새끼손가락, 씹다) are left alone.

const WORDS = [
  '씨발',
  '씨바',
  '씨팔',
  '씨빨',
  '시바알',
  '시발(?!점|택시|역)',
  '쉬발',
  '싀발',
  '개새끼',
  '개색기',
  '개색끼',
  '개새기',
  '개세끼',
  '씹새끼',
  '씹새',
  '병신',
  '븅신',
  '빙신',
  '좆',
  '존나',
  '존니',
  '지랄',
  '염병',
  '미친놈',
  '미친년',
  '닥쳐',
  '썅',
  'ㅅㅂ',
  'ㅆㅂ',
  'ㅂㅅ',
  'ㅈㄹ',
  'ㅈㄴ',
];

/** Between two letters of a word: spaces and the marks people put there to slip past a filter. */
const GAP = '[\\s.,·ㆍ\\-_*~!@#^+=|/\\\\]*';

/** One letter of a word, and its gap to the next; a lookahead (`(?!…)`) is kept as written. */
function wordPattern(word: string): string {
  const look = word.indexOf('(?');
  const letters = look >= 0 ? word.slice(0, look) : word;
  const tail = look >= 0 ? word.slice(look) : '';
  return [...letters].join(GAP) + tail;
}

const PATTERN = new RegExp(WORDS.map(wordPattern).join('|'), 'gu');

/** The text with each profane word's letters replaced by ● (spaces and marks between them too). */
export function maskProfanity(text: string): string {
  return text.replace(PATTERN, (match) => match.replace(/\S/gu, '●'));
}

/** Whether the text holds a word the masker would hide. */
export function hasProfanity(text: string): boolean {
  PATTERN.lastIndex = 0;
  const found = PATTERN.test(text);
  PATTERN.lastIndex = 0;
  return found;
}
