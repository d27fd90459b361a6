// Who is asking. Built once per request from the session; anonymous when there is none.
export const ROLES = [
  'resident',
  'youth',
  'enterprise_member',
  'buyer',
  'working_group_member',
  'staff',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  signedIn: boolean;
  userId: string | null;
  organizationId: string;
  roles: ReadonlySet<Role>;
  sessionId: string | null;
}

export function anonymous(organizationId: string): Actor {
  return { signedIn: false, userId: null, organizationId, roles: new Set(), sessionId: null };
}

export const isStaff = (actor: Actor) => actor.roles.has('staff') || actor.roles.has('admin');
export const isAdmin = (actor: Actor) => actor.roles.has('admin');
