import { type SQL, sql } from 'drizzle-orm';
import { queryRows } from '../db/connect.ts';
import type { Ctx } from '../http.ts';
import { searchLabel } from './sources.ts';
import { choseongQuery, normalize, queryText, words } from './tokens.ts';

interface Hit {
  record_type: string;
  record_id: string;
  title: string;
  body: string;
  url: string;
}

const SNIPPET = 160;

/** A window of the body around the first query word found in it. */
export function snippetOf(body: string, q: string): string {
  const text = body.replace(/\s+/g, ' ').trim();
  if (text.length <= SNIPPET) return text;
  const lower = normalize(text);
  const at = words(q)
    .map((w) => lower.indexOf(w))
    .filter((i) => i >= 0)
    .sort((a, b) => a - b)[0];
  const start = at === undefined ? 0 : Math.max(0, at - 40);
  return `${start > 0 ? '…' : ''}${text.slice(start, start + SNIPPET)}${start + SNIPPET < text.length ? '…' : ''}`;
}

/**
 * Public records of the request's organization: initial consonants when the query is only
 * those; otherwise bigram full-text match ranked by ts_rank; when that finds nothing, titles
 * similar by trigrams (typos).
 */
export async function search(ctx: Ctx, input: { q: string; type?: string; limit: number }) {
  const scope = sql`organization_id = ${ctx.organizationId} and is_public ${input.type ? sql`and record_type = ${input.type}` : sql``}`;
  const run = (where: SQL, order: SQL) =>
    queryRows<Hit>(
      ctx.db,
      sql`select record_type, record_id, title, body, url from search_documents where ${scope} and ${where} order by ${order} limit ${input.limit}`,
    );

  let rows: Hit[] = [];
  const initials = choseongQuery(input.q);
  if (initials) {
    rows = await run(
      sql`initials like ${`%${initials}%`}`,
      sql`strpos(initials, ${initials}), length(initials), updated_at desc`,
    );
  } else {
    const tsq = queryText(input.q);
    if (tsq)
      rows = await run(
        sql`tsv @@ to_tsquery('simple', ${tsq})`,
        sql`ts_rank(tsv, to_tsquery('simple', ${tsq})) desc, updated_at desc`,
      );
  }
  if (rows.length === 0 && !initials) {
    const q = normalize(input.q);
    rows = await run(
      // pg_trgm ignores case itself, so the title's trigram index serves both operators.
      sql`(title % ${q} or ${q} <% title)`,
      sql`greatest(similarity(title, ${q}), word_similarity(${q}, title)) desc, updated_at desc`,
    );
  }
  return {
    items: rows.map((r) => ({
      type: r.record_type,
      // Every indexed type has a label (indexRecord refuses others); the fallback is for rows left
      // by a module that is no longer installed.
      typeLabel: searchLabel(r.record_type)?.[ctx.locale] ?? (ctx.locale === 'en' ? 'Other' : '기타'),
      id: r.record_id,
      title: r.title,
      snippet: snippetOf(r.body, input.q),
      url: r.url,
    })),
  };
}
