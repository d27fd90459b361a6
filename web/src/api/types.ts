// Response shapes of the agreed HTTP API that the pages read (types only: nothing here ships in the bundle).
export type { MeView } from '../../../contracts/auth.ts';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Notice {
  purpose: string;
  required: boolean;
  version: string | number;
  title: string;
  items: string | string[];
  use: string;
  retention: string;
}

export interface PlanItem {
  id: string;
  number: number | string;
  kind: 'plan' | 'key_project';
  titleKo: string;
  titleEn: string;
  team: string | { nameKo?: string; nameEn?: string } | null;
  period: string | { start: string | null; end: string | null } | null;
  budget: {
    totalWon: number;
    nationalWon: number;
    cityWon: number;
    districtWon: number;
    totalThousandWon: number;
  };
  targets: Array<{
    id: string;
    descriptionKo: string;
    descriptionEn: string;
    targetCount: number;
    unit: string;
    per: 'year' | 'quarter' | 'total';
    comparison?: 'at_least' | 'at_most' | 'exactly';
  }>;
}

export interface Plan {
  year: number;
  items: PlanItem[];
}

export interface BudgetFigures {
  amountWon: number;
  previousAmountWon: number;
  changeWon: number;
  amountThousandWon: number;
  previousAmountThousandWon: number;
  changeThousandWon: number;
}

export interface Budget {
  year: number;
  unit: 'won';
  units: Array<BudgetFigures & { id: string; nameKo: string; nameEn: string }>;
  total: BudgetFigures;
}

export interface Staffing {
  year: number;
  rows: Array<{ category: string; grade: number; authorised: number; current: number; difference: number }>;
  totals: { authorised: number; current: number; difference: number };
}

export interface Facilities {
  facilities: Array<{
    id: string;
    nameKo: string;
    nameEn: string;
    address: string;
    floorAreaM2: number | null;
    landAreaM2: number | null;
    team: string | { nameKo?: string; nameEn?: string } | null;
    spaces: Array<{ floor: string | number; nameKo: string; nameEn: string; areaM2: number | null }>;
    notes: string | { ko?: string; en?: string } | null;
  }>;
  equipment: Array<{
    id: string;
    kind: string;
    nameKo: string;
    nameEn?: string;
    model: string;
    registeredOn: string;
    purposeKo: string;
    purposeEn: string;
  }>;
}

export interface EnterpriseSummary {
  total: number;
  byKind: {
    social_enterprise: number;
    cooperative: number;
    village_enterprise: number;
    self_sufficiency: number;
  };
  sample: boolean;
}

export interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

export interface Consent {
  purpose: string;
  required: boolean;
  granted: boolean;
  noticeVersion: string | number;
  recordedAt: string | null;
  title: string;
}

export interface NotificationPreference {
  kind: string;
  label: string;
  channels: { inApp: boolean; email: boolean };
}

export interface SearchHit {
  type: string;
  id: string;
  title: string;
  snippet: string;
  url: string;
}

export interface MailItem {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: { id: string; displayName: string } | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  data: unknown;
  hash: string;
}

export interface AdminUser {
  id: string;
  displayName: string;
  email: string | null;
  roles: string[];
  createdAt: string;
  deleted: boolean;
}

export interface AccessLogEntry {
  id: string;
  at: string;
  actor: { id: string; displayName: string } | null;
  subject: { id: string; displayName: string } | null;
  fields: string[] | string;
  reason: string;
  ip: string | null;
  route: string;
}

export interface OrganizationSettings {
  id: string;
  slug: string;
  nameKo: string;
  nameEn: string;
  requireStaffTwoFactor: boolean;
}
