import { eq } from 'drizzle-orm';
import { AppError } from '../errors.ts';
import type { Ctx } from '../http.ts';
import { users } from './tables.ts';

/** Changes the signed-in person's display name and language. */
export async function updateProfile(
  ctx: Ctx,
  input: { displayName?: string; locale?: 'ko' | 'en' },
): Promise<void> {
  if (!ctx.actor.userId) throw new AppError('unauthenticated', 401);
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
