// The social economy's code lists, with no Zod in this file: the web's first page lists the kinds,
// and importing them from here keeps the schema library out of its first download.
export const ENTERPRISE_KINDS = [
  'social_enterprise',
  'cooperative',
  'village_enterprise',
  'self_sufficiency',
] as const;
/** 인증 구분: social enterprises' certification, cooperatives' type, village and self-sufficiency designations. */
export const CERTIFICATIONS = [
  'certified',
  'pre_certified',
  'general_cooperative',
  'social_cooperative',
  'designated',
  'approved',
] as const;
