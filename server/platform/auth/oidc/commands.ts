import { and, eq, isNotNull, isNull, lt } from 'drizzle-orm';
import * as client from 'openid-client';
import type { Tx } from '../../db/connect.ts';
import type { Ctx } from '../../http.ts';
import { recordSignupConsents } from '../../privacy/consents.ts';
import { normalizeEmail } from '../commands.ts';
import { createSession, hashToken, newToken } from '../sessions.ts';
import { memberships, type User, users } from '../tables.ts';
import { oidcConfiguration } from './provider.ts';
import { oidcLoginAttempts, userIdentities } from './tables.ts';

const ATTEMPT_MINUTES = 10;
const SCOPE = 'openid email profile';

/** Why an OIDC sign-in failed; logged, never shown (the person sees one generic message). */
export class OidcLoginError extends Error {}

/** Starts a sign-in: the checks stay in our database, the browser gets a random handle for them. */
export async function startOidcLogin(
  ctx: Ctx,
  redirectUri: string,
): Promise<{ handle: string; url: string }> {
  const configuration = await oidcConfiguration(ctx.config);
  const handle = newToken();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  await ctx.db.delete(oidcLoginAttempts).where(lt(oidcLoginAttempts.expiresAt, new Date())); // old, abandoned attempts
  await ctx.db.insert(oidcLoginAttempts).values({
    id: hashToken(handle),
    organizationId: ctx.organizationId,
    state,
    nonce,
    codeVerifier,
    expiresAt: new Date(Date.now() + ATTEMPT_MINUTES * 60_000),
  });
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri,
    scope: SCOPE,
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  return { handle, url: url.href };
}

interface ProviderProfile {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

const verifiedFlag = (v: unknown) => v === true || v === 'true';
const stringClaim = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** Exchanges the code (checking state, nonce and PKCE) and reads who the provider says this is. */
async function readProfile(ctx: Ctx, handle: string | null, callbackUrl: URL): Promise<ProviderProfile> {
  if (!handle) throw new OidcLoginError('no sign-in handle cookie');
  const [attempt] = await ctx.db
    .delete(oidcLoginAttempts)
    .where(eq(oidcLoginAttempts.id, hashToken(handle)))
    .returning(); // single use
  if (!attempt || attempt.expiresAt < new Date() || attempt.organizationId !== ctx.organizationId) {
    throw new OidcLoginError('unknown, expired or foreign sign-in attempt');
  }
  const configuration = await oidcConfiguration(ctx.config);
  const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
    pkceCodeVerifier: attempt.codeVerifier,
    expectedState: attempt.state,
    expectedNonce: attempt.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) throw new OidcLoginError('no ID token');
  let info: Record<string, unknown> = claims;
  // Many providers put email and name only in UserInfo, not in the ID token.
  if (!claims.email && configuration.serverMetadata().userinfo_endpoint) {
    info = { ...(await client.fetchUserInfo(configuration, tokens.access_token, claims.sub)), ...claims };
  }
  return {
    issuer: claims.iss,
    subject: claims.sub,
    email: stringClaim(info.email),
    emailVerified: verifiedFlag(info.email_verified),
    name: stringClaim(info.name) ?? stringClaim(info.preferred_username),
  };
}

/** An existing link; else the account whose verified email the provider also verified; else a new account. */
async function accountFor(ctx: Ctx, tx: Tx, p: ProviderProfile): Promise<User> {
  const [linked] = await tx
    .select({ user: users })
    .from(userIdentities)
    .innerJoin(users, eq(users.id, userIdentities.userId))
    .where(and(eq(userIdentities.issuer, p.issuer), eq(userIdentities.subject, p.subject)));
  if (linked) {
    if (linked.user.deletedAt) throw new OidcLoginError('linked account was deleted');
    await tx
      .update(userIdentities)
      .set({ lastLoginAt: new Date() })
      .where(and(eq(userIdentities.issuer, p.issuer), eq(userIdentities.subject, p.subject)));
    return linked.user;
  }
  let user: User | undefined;
  if (p.email && p.emailVerified) {
    [user] = await tx
      .select()
      .from(users)
      .where(
        and(
          eq(users.emailNormalized, normalizeEmail(p.email)),
          isNotNull(users.emailVerifiedAt),
          isNull(users.deletedAt),
        ),
      );
  }
  if (!user) {
    // An address held by an account we cannot safely link (unverified on either side) fails on the unique index.
    const [created] = await tx
      .insert(users)
      .values({
        email: p.email,
        emailNormalized: p.email ? normalizeEmail(p.email) : null,
        passwordHash: null,
        displayName: (p.name ?? p.email?.split('@')[0] ?? ctx.config.OIDC_NAME).slice(0, 50),
        locale: ctx.locale,
        emailVerifiedAt: p.email && p.emailVerified ? new Date() : null,
      })
      .returning();
    user = created;
    await tx
      .insert(memberships)
      .values({ organizationId: ctx.organizationId, userId: user.id, role: 'resident' });
    // The login page says that continuing with the provider means agreeing to the required notice.
    await recordSignupConsents(tx, user.id, { account: true }, ctx.ip);
  }
  await tx.insert(userIdentities).values({ issuer: p.issuer, subject: p.subject, userId: user.id });
  return user;
}

export interface OidcLoginResult {
  token: string;
  expiresAt: Date;
  /** The account has two-factor on: the session waits for a code like a password login does. */
  twoFactorPending: boolean;
}

export async function finishOidcLogin(
  ctx: Ctx,
  handle: string | null,
  callbackUrl: URL,
): Promise<OidcLoginResult> {
  const profile = await readProfile(ctx, handle, callbackUrl);
  return ctx.db.transaction(async (tx) => {
    const user = await accountFor(ctx, tx, profile);
    const twoFactorPending = Boolean(user.totpEnabledAt);
    const session = await createSession(tx, {
      userId: user.id,
      organizationId: ctx.organizationId,
      days: twoFactorPending ? 1 / 288 : ctx.config.HAMKKE_SESSION_DAYS, // a pending second factor lives 5 minutes
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      twoFactorPending,
    });
    return { token: session.token, expiresAt: session.expiresAt, twoFactorPending };
  });
}
