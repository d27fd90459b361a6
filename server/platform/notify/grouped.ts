import { type SQL, sql } from 'drizzle-orm';
import type { Localized } from './kinds.ts';

// The words of a grouped notification, as SQL over its count and its list (`items`: a jsonb array
// of { title: { ko, en }, link }, newest first). About one thing it reads as a single alert always
// has: the kind's title, the thing's title as the body, the thing's link. About several: the group's
// title with the count ("새로 맞는 정책 15건"), "첫 정책 외 14건", and the module's list page. The bell,
// push, SMS and email take their words from here, when written and when later news joins them.

/** How many things a grouped notification lists; the count goes on, the list page has them all. */
export const KEPT_ITEMS = 20;

export interface GroupWords {
  /** The title for several things; `{count}` becomes their number. */
  title: Localized;
  /** The site page that lists them all. */
  link: string;
}

type Lang = 'ko' | 'en';
const LANG = { ko: sql.raw(`'ko'`), en: sql.raw(`'en'`) };

export interface GroupedText {
  title: (lang: Lang) => SQL;
  body: (lang: Lang) => SQL;
  link: SQL;
  /** The email's text; `locale` picks the language per row. */
  emailText: (locale: SQL, site: string) => SQL;
  emailSubject: (locale: SQL) => SQL;
}

/** `one` is the title when there is one thing (the kind's title). */
export function groupedText(g: GroupWords, count: SQL, items: SQL, one: Record<Lang, SQL>): GroupedText {
  const first = (lang: Lang) => sql`(${items}->0->'title'->>${LANG[lang]})`;
  const title = (lang: Lang) =>
    sql`(case when ${count} = 1 then ${one[lang]}
          else replace(${g.title[lang]}::text, '{count}', (${count})::text) end)`;
  const body = (lang: Lang) =>
    lang === 'ko'
      ? sql`(case when ${count} = 1 then ${first('ko')} else ${first('ko')} || ' 외 ' || (${count} - 1) || '건' end)`
      : sql`(case when ${count} = 1 then ${first('en')} else ${first('en')} || ' and ' || (${count} - 1) || ' more' end)`;
  const link = sql`(case when ${count} = 1 then ${items}->0->>'link' else ${g.link}::text end)`;
  const list = (lang: Lang, site: string) =>
    sql`(select string_agg('- ' || (x.e->'title'->>${LANG[lang]}) || E'\\n  ' || ${site}::text || (x.e->>'link'), E'\\n' order by x.o)
         from jsonb_array_elements(${items}) with ordinality x(e, o))`;
  const more = sql`(case when ${count} > jsonb_array_length(${items}) then E'\\n- …' else '' end)`;
  const text = (lang: Lang, site: string) =>
    sql`(case when ${count} = 1 then ${body(lang)} || E'\\n\\n' || ${site}::text || ${link}
          else ${title(lang)} || E'\\n\\n' || ${list(lang, site)} || ${more} || E'\\n\\n'
            || ${lang === 'ko' ? '전체 목록: ' : 'The full list: '}::text || ${site}::text || ${g.link}::text end)`;
  return {
    title,
    body,
    link,
    emailText: (locale, site) =>
      sql`(case when ${locale} = 'en' then ${text('en', site)} else ${text('ko', site)} end)`,
    emailSubject: (locale) => sql`(case when ${locale} = 'en' then ${title('en')} else ${title('ko')} end)`,
  };
}

/**
 * Later news joining a group's notification: the new things not already listed (by link) go first,
 * the count grows by them. Gives `count` and `items` columns, as a sub-select over the old and new
 * count and list.
 */
export const mergedGroup = (old: { count: SQL; items: SQL }, added: { count: SQL; items: SQL }) => sql`
  select ${old.count} + ${added.count} - (jsonb_array_length(${added.items}) - jsonb_array_length(f.items)) as count,
    (select coalesce(jsonb_agg(x.e order by x.o), '[]'::jsonb)
       from jsonb_array_elements(f.items || ${old.items}) with ordinality x(e, o) where x.o <= ${sql.raw(String(KEPT_ITEMS))}) as items
  from (select coalesce(jsonb_agg(x.e order by x.o), '[]'::jsonb) as items
          from jsonb_array_elements(${added.items}) with ordinality x(e, o)
         where not ${old.items} @> jsonb_build_array(jsonb_build_object('link', x.e->'link'))) f`;
