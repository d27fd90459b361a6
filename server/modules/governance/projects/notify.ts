import { sql } from 'drizzle-orm';
import type { UpdateKind } from '../../../../contracts/governance-projects.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import type { SignedInCtx } from '../../../platform/http.ts';
import { defineNotificationKind, notifyAudience } from '../../../platform/notify/index.ts';
import { todayInSeoul } from '../../../platform/time/index.ts';
import { governanceProjectUpdates } from './tables.ts';

// Followers of a project hear of its updates (progress, a milestone reached, minutes published, a
// monitoring report, the final evaluation published) through the platform's audience notifications:
// one in-app notification per person, joined with the same day's other news of the project; email
// only with the optional consent.
export const PROJECT_UPDATE = 'governance.project_update';

export const projectUpdateKind = defineNotificationKind(PROJECT_UPDATE, {
  label: { ko: '팔로우한 협치사업 소식', en: 'News of governance projects I follow' },
  defaults: { inApp: true, email: false },
});

/**
 * Records an update on the project's public page and tells its followers, in the caller's
 * transaction (governance_project_notices makes it once-only per person and update).
 */
export async function recordUpdate(
  tx: DbOrTx,
  ctx: SignedInCtx,
  project: { id: string; title: string },
  kind: UpdateKind,
  body: { ko: string; en: string },
): Promise<void> {
  const [update] = await tx
    .insert(governanceProjectUpdates)
    .values({
      organizationId: ctx.organizationId,
      projectId: project.id,
      kind,
      bodyKo: body.ko,
      bodyEn: body.en,
    })
    .returning({ id: governanceProjectUpdates.id });
  const link = `/governance/projects/${project.id}`;
  await notifyAudience(
    tx,
    { config: ctx.config, jobs: ctx.jobs },
    {
      organizationId: ctx.organizationId,
      audience: sql`select f.user_id, ${PROJECT_UPDATE}::text as kind, 0 as prio, ${update.id}::text as item
        from governance_project_follows f
        where f.project_id = ${project.id} and f.organization_id = ${ctx.organizationId}`,
      items: [
        {
          item: update.id,
          title: { ko: `${project.title}: ${body.ko}`, en: `${project.title}: ${body.en}` },
          link,
        },
      ],
      titles: {
        [PROJECT_UPDATE]: { ko: '팔로우한 협치사업 소식', en: 'News of a governance project you follow' },
      },
      group: {
        key: `governance.project:${project.id}:${todayInSeoul()}`,
        title: { ko: '협치사업 소식 {count}건', en: '{count} updates on a governance project' },
        link,
      },
      dedupe: (chosen) => sql`
        insert into governance_project_notices (organization_id, update_id, user_id)
        select ${ctx.organizationId}, c.item::uuid, c.user_id from ${chosen} c
        on conflict do nothing
        returning user_id, update_id::text as item`,
    },
  );
}
