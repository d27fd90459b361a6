import { AppError } from '../errors.ts';
import type { Actor } from './actor.ts';

// Policies are plain predicates registered by action name ('admin.audit.read'). Anything not
// registered is denied.
// biome-ignore lint/suspicious/noExplicitAny: a policy decides on whatever resource its action names
export type Policy = (actor: Actor, resource?: any) => boolean;

const policies = new Map<string, Policy>();

export function definePolicies(rules: Record<string, Policy>): void {
  for (const [action, rule] of Object.entries(rules)) {
    if (policies.has(action)) throw new Error(`Policy ${action} is defined twice`);
    policies.set(action, rule);
  }
}

export function hasPolicy(action: string): boolean {
  return policies.has(action);
}

export function can(actor: Actor, action: string, resource?: unknown): boolean {
  const rule = policies.get(action);
  return rule ? rule(actor, resource) === true : false;
}

/** Throws 401 for an anonymous actor and 403 (or 404 when existence is private) otherwise. */
export function authorize(
  actor: Actor,
  action: string,
  resource?: unknown,
  opts: { hide?: boolean } = {},
): void {
  if (can(actor, action, resource)) return;
  if (!actor.signedIn) throw new AppError('unauthenticated', 401);
  throw opts.hide ? new AppError('not_found', 404) : new AppError('forbidden', 403);
}

/** What a route declares in `config.access`: 'public', 'signed-in', or a policy action. */
export type RouteAccess = 'public' | 'signed-in' | { action: string };
