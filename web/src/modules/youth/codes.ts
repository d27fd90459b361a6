// Code values of the national youth-policy API that the forms offer; their names live in the i18n files
// (youth.codes.*). The "no restriction" codes are left out: they describe policies, not people.

/** Seoul's 25 districts (5-digit 시군구 codes); Yeongdeungpo-gu is 11560. */
export const SEOUL_DISTRICTS = [
  '11110',
  '11140',
  '11170',
  '11200',
  '11215',
  '11230',
  '11260',
  '11290',
  '11305',
  '11320',
  '11350',
  '11380',
  '11410',
  '11440',
  '11470',
  '11500',
  '11530',
  '11545',
  '11560',
  '11590',
  '11620',
  '11650',
  '11680',
  '11710',
  '11740',
] as const;

export const YEONGDEUNGPO = '11560';

const range = (prefix: string, last: number) =>
  Array.from({ length: last }, (_, i) => `${prefix}${String(i + 1).padStart(3, '0')}`);

export const EMPLOYMENT_CODES = range('0013', 9);
export const EDUCATION_CODES = range('0049', 9);
export const MAJOR_CODES = range('0011', 8);
export const SPECIAL_GROUP_CODES = range('0014', 9);

/** Field codes the list filter sends (the server joins the API's old and new taxonomies under them). */
export const POLICY_FIELDS = ['jobs', 'housing', 'education', 'welfare', 'participation'] as const;

export const STATUS_FILTERS = ['open', 'closing_soon', 'always_open', 'closed'] as const;
export const SORTS = ['relevance', 'deadline', 'newest'] as const;
