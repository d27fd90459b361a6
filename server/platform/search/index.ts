import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect.ts';
import { searchLabel } from './sources.ts';
import { documentText, initialsOf } from './tokens.ts';

// The public face of search for modules: call these in the transaction that changes the record.
export interface SearchRecord {
  organizationId: string;
  recordType: string; // 'youth.policy', 'governance.proposal', ...
  recordId: string;
  title: string;
  body?: string;
  url: string; // where the web app shows the record
  isPublic: boolean;
}

const MAX_BODY = 20_000; // enough for a snippet and matching; keeps tsvectors small

export async function indexRecord(tx: DbOrTx, r: SearchRecord): Promise<void> {
  // Results show what kind of record each is in words: a type no module labelled cannot be indexed.
  if (!searchLabel(r.recordType))
    throw new Error(
      `Search record type ${r.recordType} has no label: declare it in defineModule({ search: { labels } })`,
    );
  const body = (r.body ?? '').slice(0, MAX_BODY);
  await tx.execute(sql`
    insert into search_documents (organization_id, record_type, record_id, title, body, url, is_public, tsv, initials, updated_at)
    values (${r.organizationId}, ${r.recordType}, ${r.recordId}, ${r.title}, ${body}, ${r.url}, ${r.isPublic},
            setweight(to_tsvector('simple', ${documentText(r.title)}), 'A') || setweight(to_tsvector('simple', ${documentText(body)}), 'B'),
            ${initialsOf(r.title)}, now())
    on conflict (organization_id, record_type, record_id) do update set
      title = excluded.title, body = excluded.body, url = excluded.url, is_public = excluded.is_public,
      tsv = excluded.tsv, initials = excluded.initials, updated_at = now()`);
}

export async function removeRecord(
  tx: DbOrTx,
  r: { organizationId: string; recordType: string; recordId: string },
): Promise<void> {
  await tx.execute(
    sql`delete from search_documents where organization_id = ${r.organizationId} and record_type = ${r.recordType} and record_id = ${r.recordId}`,
  );
}
