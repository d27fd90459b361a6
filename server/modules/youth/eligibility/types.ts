// The eligibility conditions of a youth policy, as the national youth-policy API (온통청년) states
// them. An empty list or a 0 bound means "no restriction".
export interface PolicyEligibility {
  /** 0 = not given */
  minAge: number;
  /** 0 = not given */
  maxAge: number;
  /** 5-digit 시군구 codes; empty = anywhere */
  regionCodes: string[];
  /** 0013xxx; contains 0013010 = no restriction */
  employmentCodes: string[];
  /** 0049xxx; contains 0049010 = no restriction */
  educationCodes: string[];
  /** 0011xxx; contains 0011009 = no restriction */
  majorCodes: string[];
  /** 0014xxx; contains 0014010 = no restriction */
  specialGroupCodes: string[];
  /** 0055xxx; contains 0055003 = no restriction */
  maritalCodes: string[];
  /** 0043001 none · 0043002 annual income in 만원 between min and max (0 = open) · 0043003 other (text) */
  incomeConditionCode: string | null;
  incomeMin: number;
  incomeMax: number;
  incomeOther: string | null;
}

/** What a person says about themselves; anything left out is "unknown", never a failure. */
export interface EligibilityProfile {
  birthDate: string; // YYYY-MM-DD
  regionCode?: string; // 5-digit 시군구
  employment?: string; // 0013xxx
  education?: string; // 0049xxx
  major?: string; // 0011xxx
  specialGroups?: string[]; // 0014xxx
  married?: boolean;
  annualIncome?: number; // 만원
}

export type RuleResult = 'pass' | 'fail' | 'unknown';
export type RuleName =
  | 'age'
  | 'region'
  | 'employment'
  | 'education'
  | 'major'
  | 'special_groups'
  | 'marital_status'
  | 'income';

export interface RuleOutcome {
  rule: RuleName;
  result: RuleResult;
  explanation: { ko: string; en: string };
}
