// The national youth-policy API's code tables (온통청년), with labels in both languages, and the
// names of Seoul's 25 districts for explaining region rules.
import { SEOUL_DISTRICTS } from '../../../../contracts/regions.ts';

export interface Label {
  ko: string;
  en: string;
}

export const EMPLOYMENT_LABELS: Record<string, Label> = {
  '0013001': { ko: '재직자', en: 'employed' },
  '0013002': { ko: '자영업자', en: 'self-employed' },
  '0013003': { ko: '미취업자', en: 'unemployed' },
  '0013004': { ko: '프리랜서', en: 'freelancer' },
  '0013005': { ko: '일용근로자', en: 'day labourer' },
  '0013006': { ko: '(예비)창업자', en: '(pre-)founder' },
  '0013007': { ko: '단기근로자', en: 'short-term worker' },
  '0013008': { ko: '영농종사자', en: 'farming' },
  '0013009': { ko: '기타', en: 'other' },
  '0013010': { ko: '제한 없음', en: 'no restriction' },
};

export const EDUCATION_LABELS: Record<string, Label> = {
  '0049001': { ko: '고졸 미만', en: 'below high school' },
  '0049002': { ko: '고교 재학', en: 'in high school' },
  '0049003': { ko: '고졸 예정', en: 'high-school graduation expected' },
  '0049004': { ko: '고교 졸업', en: 'high-school graduate' },
  '0049005': { ko: '대학 재학', en: 'at university' },
  '0049006': { ko: '대졸 예정', en: 'university graduation expected' },
  '0049007': { ko: '대학 졸업', en: 'university graduate' },
  '0049008': { ko: '석·박사', en: "master's/doctorate" },
  '0049009': { ko: '기타', en: 'other' },
  '0049010': { ko: '제한 없음', en: 'no restriction' },
};

export const MAJOR_LABELS: Record<string, Label> = {
  '0011001': { ko: '인문계열', en: 'humanities' },
  '0011002': { ko: '사회계열', en: 'social sciences' },
  '0011003': { ko: '상경계열', en: 'business/economics' },
  '0011004': { ko: '이학계열', en: 'natural sciences' },
  '0011005': { ko: '공학계열', en: 'engineering' },
  '0011006': { ko: '예체능계열', en: 'arts/sports' },
  '0011007': { ko: '농산업계열', en: 'agriculture' },
  '0011008': { ko: '기타', en: 'other' },
  '0011009': { ko: '제한 없음', en: 'no restriction' },
};

export const SPECIAL_GROUP_LABELS: Record<string, Label> = {
  '0014001': { ko: '중소기업', en: 'SME' },
  '0014002': { ko: '여성', en: 'women' },
  '0014003': { ko: '기초생활수급자', en: 'basic-livelihood recipients' },
  '0014004': { ko: '한부모가정', en: 'single-parent families' },
  '0014005': { ko: '장애인', en: 'disabled' },
  '0014006': { ko: '농업인', en: 'farmers' },
  '0014007': { ko: '군인', en: 'soldiers' },
  '0014008': { ko: '지역인재', en: 'local talent' },
  '0014009': { ko: '기타', en: 'other' },
  '0014010': { ko: '제한 없음', en: 'no restriction' },
};

export const MARITAL_LABELS: Record<string, Label> = {
  '0055001': { ko: '기혼', en: 'married' },
  '0055002': { ko: '미혼', en: 'unmarried' },
  '0055003': { ko: '제한 없음', en: 'no restriction' },
};

export const INCOME_CONDITION_LABELS: Record<string, Label> = {
  '0043001': { ko: '무관', en: 'none' },
  '0043002': { ko: '연소득', en: 'annual income' },
  '0043003': { ko: '기타', en: 'other' },
};

/** The code in each family that means "anyone". */
export const NO_RESTRICTION = {
  employment: '0013010',
  education: '0049010',
  major: '0011009',
  specialGroups: '0014010',
  marital: '0055003',
} as const;

export const MARRIED = '0055001';
export const UNMARRIED = '0055002';
export const INCOME_ANNUAL = '0043002';

/** Codes a person can hold (a status, never "no restriction"). */
const personCodes = (labels: Record<string, Label>, none: string) =>
  Object.keys(labels).filter((c) => c !== none) as [string, ...string[]];
export const PERSON_EMPLOYMENT_CODES = personCodes(EMPLOYMENT_LABELS, NO_RESTRICTION.employment);
export const PERSON_EDUCATION_CODES = personCodes(EDUCATION_LABELS, NO_RESTRICTION.education);
export const PERSON_MAJOR_CODES = personCodes(MAJOR_LABELS, NO_RESTRICTION.major);
export const PERSON_SPECIAL_GROUP_CODES = personCodes(SPECIAL_GROUP_LABELS, NO_RESTRICTION.specialGroups);

/** Seoul's 25 자치구 by 시군구 code (kept in contracts/, where the catalogue search reads them too). */
export { SEOUL_DISTRICTS };

export function regionLabel(code: string): Label {
  return SEOUL_DISTRICTS[code] ?? { ko: `지역 코드 ${code}`, en: `region code ${code}` };
}

/** A code's label, or the code itself when the table does not know it (data from elsewhere). */
export function codeLabel(labels: Record<string, Label>, code: string): Label {
  return labels[code] ?? { ko: code, en: code };
}
