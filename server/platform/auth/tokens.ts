import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect.ts';
import { authTokens, type TokenPurpose } from './account-tables.ts';
import { hashToken, newToken } from './sessions.ts';

export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  verify_email: 48 * 3_600_000,
  reset_password: 3_600_000,
};

/** Issues a single-use token; only its hash is stored. Returns the token for the email link. */
export async function issueToken(tx: DbOrTx, userId: string, purpose: TokenPurpose): Promise<string> {
  const token = newToken();
  await tx.insert(authTokens).values({
    userId,
    purpose,
    tokenHash: hashToken(token),
    expiresAt: new Date(Date.now() + TOKEN_LIFETIME_MS[purpose]),
  });
  return token;
}

/**
 * Uses a token up: one UPDATE that succeeds only while it is unused and unexpired, so two
 * requests racing with the same token cannot both succeed. Returns the user, or null.
 */
export async function consumeToken(tx: DbOrTx, token: string, purpose: TokenPurpose): Promise<string | null> {
  const [row] = await tx
    .update(authTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(authTokens.tokenHash, hashToken(token)),
        eq(authTokens.purpose, purpose),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, sql`now()`),
      ),
    )
    .returning({ userId: authTokens.userId });
  return row?.userId ?? null;
}

/** Ends every other open token of the purpose (after a reset, older reset links stop working). */
export async function retireTokens(tx: DbOrTx, userId: string, purpose: TokenPurpose): Promise<void> {
  await tx
    .update(authTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(authTokens.userId, userId), eq(authTokens.purpose, purpose), isNull(authTokens.usedAt)));
}

/** When the newest token of the purpose was issued, to avoid sending a burst of emails. */
export async function lastIssuedAt(db: DbOrTx, userId: string, purpose: TokenPurpose): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<Date | null>`max(${authTokens.createdAt})`.mapWith(authTokens.createdAt) })
    .from(authTokens)
    .where(and(eq(authTokens.userId, userId), eq(authTokens.purpose, purpose)));
  return row?.at ?? null;
}
