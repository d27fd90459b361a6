import type { Ctx } from '../http.ts';
import { currentConsents } from './consents.ts';
import { PRIVACY_PURPOSES } from './notices.ts';

export function listNotices(ctx: Pick<Ctx, 'locale'>) {
  return {
    items: PRIVACY_PURPOSES.map((p) => ({
      purpose: p.purpose,
      required: p.required,
      version: p.version,
      title: p.title[ctx.locale],
      items: p.items[ctx.locale],
      use: p.use[ctx.locale],
      retention: p.retention[ctx.locale],
    })),
  };
}

/** Every purpose with the person's current choice; a purpose never answered counts as not granted. */
export async function myConsents(ctx: Ctx, userId: string) {
  const current = await currentConsents(ctx.db, userId);
  return {
    items: PRIVACY_PURPOSES.map((p) => {
      const c = current.get(p.purpose);
      return {
        purpose: p.purpose,
        required: p.required,
        granted: c?.granted ?? false,
        noticeVersion: c?.noticeVersion ?? p.version,
        recordedAt: c ? c.recordedAt.toISOString() : null,
        title: p.title[ctx.locale],
      };
    }),
  };
}
