import { eq } from 'drizzle-orm';
import type { SignedInCtx } from '../http.ts';
import { users } from './tables.ts';

/** Changes the signed-in person's display name and language. */
export async function updateProfile(
  ctx: SignedInCtx,
  input: { displayName?: string; locale?: 'ko' | 'en' },
): Promise<void> {
  const changes = {
    ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
    ...(input.locale !== undefined ? { locale: input.locale } : {}),
  };
  if (Object.keys(changes).length === 0) return;
  await ctx.db
    .update(users)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(users.id, ctx.actor.userId));
}
