import type { ROLE_NAMES } from '../../../contracts/auth.ts';

// Who is asking. Built once per request from the session; anonymous when there is none.
export type Role = (typeof ROLE_NAMES)[number]; // the roles are declared once, in contracts/auth.ts

interface ActorBase {
  organizationId: string;
  roles: ReadonlySet<Role>;
}
/** A person with a session: what a route with access 'signed-in' or `{ action }` hands its handler. */
export interface SignedInActor extends ActorBase {
  signedIn: true;
  userId: string;
  sessionId: string;
}
export interface AnonymousActor extends ActorBase {
  signedIn: false;
  userId: null;
  sessionId: null;
}
// A union, so `if (actor.signedIn)` narrows userId to a string.
export type Actor = SignedInActor | AnonymousActor;

export function anonymous(organizationId: string): AnonymousActor {
  return { signedIn: false, userId: null, organizationId, roles: new Set(), sessionId: null };
}

export const isStaff = (actor: Actor) => actor.roles.has('staff') || actor.roles.has('admin');
export const isAdmin = (actor: Actor) => actor.roles.has('admin');
