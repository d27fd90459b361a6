import { sql } from 'drizzle-orm';
import { leadingRole, roleKey } from '../admin/role-labels.ts';
import { type DbOrTx, queryRows } from '../db/connect.ts';
import type { SignedInCtx } from '../http.ts';
import type { Locale } from '../i18n/locale.ts';
import { hasMessage, t } from '../i18n/messages.ts';
import { nameForLocale } from '../i18n/person-name.ts';
import { decodeCursor, encodeCursor, SERIAL_CURSOR } from '../paging/cursor.ts';
import { logPersonalDataAccessOf } from '../privacy/access-log.ts';
import { actionKey, targetKey, valueKey } from './labels.ts';

interface Row {
  id: number;
  at: Date | string;
  actor_user_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  data: Record<string, unknown>;
  hash: string;
}
interface Person {
  id: string;
  display_name: string;
  deleted: boolean;
  roles: string[] | null;
}
interface Titled {
  record_type: string;
  record_id: string;
  title: string;
  url: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The people named on a page (actors and members acted on), with their roles in the organization. */
function peopleOf(tx: DbOrTx, organizationId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([] as Person[]);
  return queryRows<Person>(
    tx,
    sql`select u.id, u.display_name, u.deleted_at is not null as deleted,
          (select array_agg(m.role order by m.role) from memberships m
            where m.user_id = u.id and m.organization_id = ${organizationId}) as roles
        from users u where u.id in (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
  );
}

/** Titles and addresses of the records acted on, where the site search knows them (a policy's title). */
function titlesOf(tx: DbOrTx, organizationId: string, rows: Row[]) {
  const keyed = rows.filter(
    (r) => r.target_id && r.target_type !== 'user' && r.target_type !== 'organization',
  );
  if (keyed.length === 0) return Promise.resolve([] as Titled[]);
  return queryRows<Titled>(
    tx,
    sql`select record_type, record_id, title, url from search_documents
        where organization_id = ${organizationId} and (record_type, record_id) in (${sql.join(
          keyed.map((r) => sql`(${r.target_type}, ${r.target_id})`),
          sql`, `,
        )})`,
  );
}

/** A person as the reader's language shows them: 삭제된 계정 for a deleted account, the leading role after the name. */
function personLabel(person: Person | undefined, locale: Locale): string {
  if (!person || person.deleted) return t(locale, 'audit.person.deleted');
  const role = leadingRole(person.roles ?? []);
  const name = nameForLocale(person.display_name, locale);
  return role ? `${name} · ${t(locale, roleKey(role))}` : name;
}

/** The role granted or removed, or the state an entry moved to when its module names it. */
function detailOf(r: Row, locale: Locale): string | null {
  if (typeof r.data.role === 'string' && hasMessage(roleKey(r.data.role)))
    return t(locale, roleKey(r.data.role));
  if (typeof r.data.to === 'string' && hasMessage(valueKey(r.action, r.data.to)))
    return t(locale, valueKey(r.action, r.data.to));
  return null;
}

/**
 * The organization's audit entries, newest first, in words: the action's label, who acted (name in
 * the reader's language, or 삭제된 계정), and what was acted on (a member's name, the organization,
 * or a record's title). They name people: each other person shown gets one access-log record,
 * written in the transaction that reads them.
 */
export async function listAudit(
  ctx: SignedInCtx,
  input: { cursor?: string; action?: string; limit: number },
  route: string,
) {
  const after = input.cursor ? decodeCursor(input.cursor, SERIAL_CURSOR)[0] : null;
  const { rows, people, titles, organization } = await ctx.db.transaction(async (tx) => {
    const read = await queryRows<Row>(
      tx,
      sql`select a.id, a.at, a.actor_user_id, a.action, a.target_type, a.target_id, a.data, a.hash
        from audit_log a
        where a.organization_id = ${ctx.organizationId}
          ${input.action ? sql`and a.action = ${input.action}` : sql``}
          ${after ? sql`and a.id < ${after}` : sql``}
        order by a.id desc limit ${input.limit + 1}`,
    );
    const page = read.slice(0, input.limit);
    const ids = new Set<string>();
    for (const r of page) {
      if (r.actor_user_id) ids.add(r.actor_user_id);
      if (r.target_type === 'user' && r.target_id && UUID.test(r.target_id)) ids.add(r.target_id);
    }
    const named = await peopleOf(tx, ctx.organizationId, [...ids]);
    await logPersonalDataAccessOf(
      tx,
      ctx,
      named.filter((p) => !p.deleted && p.id !== ctx.actor.userId).map((p) => p.id),
      { fields: ['displayName'], reason: 'admin.audit.read', route },
    );
    const [org] = await queryRows<{ name_ko: string; name_en: string }>(
      tx,
      sql`select name_ko, name_en from organizations where id = ${ctx.organizationId}`,
    );
    return {
      rows: read,
      people: named,
      titles: await titlesOf(tx, ctx.organizationId, page),
      organization: org,
    };
  });
  const page = rows.slice(0, input.limit);
  const personById = new Map(people.map((p) => [p.id, p]));
  const titleOf = (r: Row) =>
    titles.find((d) => d.record_type === r.target_type && d.record_id === r.target_id);
  const { locale } = ctx;
  return {
    items: page.map((r) => {
      const actor = r.actor_user_id ? personById.get(r.actor_user_id) : undefined;
      const record = titleOf(r);
      const typeLabel = t(locale, targetKey(r.target_type));
      const targetLabel =
        r.target_type === 'user'
          ? personLabel(r.target_id ? personById.get(r.target_id) : undefined, locale)
          : r.target_type === 'organization'
            ? ((locale === 'en' ? organization?.name_en : organization?.name_ko) ?? typeLabel)
            : record
              ? `${typeLabel}: ${record.title}`
              : typeLabel;
      return {
        id: String(r.id),
        at: new Date(r.at).toISOString(),
        actor: r.actor_user_id
          ? { id: r.actor_user_id, displayName: actor && !actor.deleted ? actor.display_name : '' }
          : null,
        actorLabel: r.actor_user_id ? personLabel(actor, locale) : t(locale, 'audit.actor.system'),
        action: r.action,
        actionLabel: t(locale, actionKey(r.action)),
        detail: detailOf(r, locale),
        targetType: r.target_type,
        targetId: r.target_id,
        targetLabel,
        targetUrl: record?.url ?? null,
        data: r.data,
        hash: r.hash,
      };
    }),
    nextCursor: rows.length > input.limit ? encodeCursor([Number(page[page.length - 1].id)]) : null,
  };
}
