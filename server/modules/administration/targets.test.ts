import { describe, expect, it } from 'vitest';
import { parseTargetText } from './targets.ts';

describe('parseTargetText', () => {
  it('reads the plan targets as the report writes them', () => {
    expect(parseTargetText('사회적경제기업 발굴 및 유치를 위한 통합 사업설명회 개최: 연 2회 이상')).toEqual({
      descriptionKo: '사회적경제기업 발굴 및 유치를 위한 통합 사업설명회 개최',
      targetCount: 2,
      unit: 'times',
      per: 'year',
      comparison: 'at_least',
    });
    expect(parseTargetText('정기적 회의체 운영: 분기 1회')).toMatchObject({
      targetCount: 1,
      per: 'quarter',
      comparison: 'exactly',
      unit: 'times',
    });
    expect(parseTargetText('지역문제 해결형 재정지원(구비) 사업 추진: 10개 기업 이내')).toMatchObject({
      descriptionKo: '지역문제 해결형 재정지원(구비) 사업 추진',
      targetCount: 10,
      unit: 'enterprises',
      comparison: 'at_most',
    });
    expect(parseTargetText('주민과 함께하는 지역특화사업 추진: 사회적경제 한마당 축제 개최(2회)')).toBeNull();
    expect(parseTargetText('사회적경제 한마당 축제 개최(2회)')).toMatchObject({
      descriptionKo: '사회적경제 한마당 축제 개최',
      targetCount: 2,
      per: 'year',
    });
    expect(parseTargetText('공간지원사업 추진 : 8개', { bareUnit: 'enterprises' })).toMatchObject({
      targetCount: 8,
      unit: 'enterprises',
      comparison: 'exactly',
    });
    expect(parseTargetText('워킹그룹 구성: 사업별 10명 이내')).toBeNull();
    expect(parseTargetText('워킹그룹 구성: 10명 이내', { defaultPer: 'total' })).toMatchObject({
      targetCount: 10,
      unit: 'members',
      per: 'total',
      comparison: 'at_most',
    });
    expect(parseTargetText('교육 및 컨설팅 추진: 6회 이상')).toMatchObject({
      targetCount: 6,
      per: 'year',
      comparison: 'at_least',
    });
  });

  it('refuses text without a count', () => {
    expect(parseTargetText('ICT 취업박람회 개최: 6월중')).toBeNull();
    expect(parseTargetText('공공구매 활성화 및 복합매장 운영')).toBeNull();
  });
});
