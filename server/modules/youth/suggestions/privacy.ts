import { asc, eq } from 'drizzle-orm';
import type { ModulePrivacy } from '../../../platform/modules/define.ts';
import { youthSuggestions } from './tables.ts';

export const privacy = {
  exporters: {
    // Suggestions are exported with the person's data; a deleted account's suggestions stay public
    // without the link to the person.
    youthSuggestions: async (db, userId) =>
      db
        .select({
          title: youthSuggestions.title,
          body: youthSuggestions.body,
          field: youthSuggestions.field,
          status: youthSuggestions.status,
          reply: youthSuggestions.reply,
          createdAt: youthSuggestions.createdAt,
        })
        .from(youthSuggestions)
        .where(eq(youthSuggestions.authorId, userId))
        .orderBy(asc(youthSuggestions.createdAt)),
  },
  erasers: {
    youthSuggestions: async (tx, userId) => {
      await tx.update(youthSuggestions).set({ authorId: null }).where(eq(youthSuggestions.authorId, userId));
    },
  },
} satisfies ModulePrivacy;
