import { asc, eq } from 'drizzle-orm';
import type { ModulePrivacy } from '../../../platform/modules/define.ts';
import { youthPolicies } from '../policies/index.ts';
import { youthQuestions } from './tables.ts';

export const privacy = {
  exporters: {
    // A person's questions go with "download my data"; a deleted account's questions stay (others
    // may rely on the answers) without the link to the person.
    youthQuestions: async (db, userId) =>
      db
        .select({
          policy: youthPolicies.title,
          title: youthQuestions.title,
          body: youthQuestions.body,
          public: youthQuestions.isPublic,
          createdAt: youthQuestions.createdAt,
          answer: youthQuestions.answer,
          answeredAt: youthQuestions.answeredAt,
        })
        .from(youthQuestions)
        .innerJoin(youthPolicies, eq(youthPolicies.id, youthQuestions.policyId))
        .where(eq(youthQuestions.askerId, userId))
        .orderBy(asc(youthQuestions.createdAt)),
  },
  erasers: {
    youthQuestions: async (tx, userId) => {
      await tx.update(youthQuestions).set({ askerId: null }).where(eq(youthQuestions.askerId, userId));
      await tx.update(youthQuestions).set({ answeredBy: null }).where(eq(youthQuestions.answeredBy, userId));
    },
  },
} satisfies ModulePrivacy;
