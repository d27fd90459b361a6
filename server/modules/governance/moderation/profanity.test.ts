import { describe, expect, it } from 'vitest';
import { hasProfanity, maskProfanity } from './profanity.ts';
import { spamReason } from './spam.ts';

describe('Korean profanity masking', () => {
  it('masks common swear words letter by letter with ●', () => {
    expect(maskProfanity('씨발 진짜')).toBe('●● 진짜');
    expect(maskProfanity('이 개새끼야')).toBe('이 ●●●야');
    expect(maskProfanity('병신 같은 행정')).toBe('●● 같은 행정');
    expect(maskProfanity('존나 느립니다')).toBe('●● 느립니다');
    expect(maskProfanity('ㅅㅂ 왜 이래')).toBe('●● 왜 이래');
  });

  it('masks spaced and dotted spellings and the usual variants', () => {
    expect(maskProfanity('씨 발')).toBe('● ●');
    expect(maskProfanity('씨.발')).toBe('●●●');
    expect(maskProfanity('시*발')).toBe('●●●');
    expect(maskProfanity('개색기')).toBe('●●●');
    expect(maskProfanity('븅신')).toBe('●●');
    expect(maskProfanity('지 랄 하네')).toBe('● ● 하네');
  });

  it('leaves ordinary words alone', () => {
    for (const ok of [
      '시발점부터 다시 봅시다',
      '새끼손가락을 다쳤습니다',
      '고양이 새끼가 태어났습니다',
      '밥을 꼭꼭 씹어 먹습니다',
      '마을 도서관을 밤까지 열어 주십시오',
    ]) {
      expect(maskProfanity(ok)).toBe(ok);
      expect(hasProfanity(ok)).toBe(false);
    }
    expect(hasProfanity('씨발')).toBe(true);
    expect(hasProfanity('씨발')).toBe(true); // the global pattern keeps no state between calls
  });
});

describe('spam check', () => {
  it('refuses more than three links and a long run of one character', () => {
    expect(spamReason('자료: https://a.example, https://b.example')).toBeNull();
    expect(spamReason('http://a.example http://b.example www.c.example https://d.example')).toBe('links');
    expect(spamReason(`좋아요${'ㅋ'.repeat(30)}`)).toBe('repeated');
    expect(spamReason(`좋아요${'ㅋ'.repeat(10)}`)).toBeNull();
  });
});
