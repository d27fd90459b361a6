import fs from 'node:fs';
import path from 'node:path';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { allModules } from '../server/composition.ts';

// Raw SQL names only its own module's tables: a module that reaches into another's tables by SQL
// text is coupled as surely as by an import, and no import rule sees it. This reads the SQL text in
// each module's source (sql`…` templates and sql.raw) and checks every table it names.

const ROOT = path.resolve(import.meta.dirname, '..');
const folderOf = (name: string) =>
  name === 'platform' ? 'server/platform' : path.join('server/modules', name);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(rel);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.startsWith('test-') ? [rel] : [];
  });
}

/** The literal text of every sql`…` template (interpolations dropped) and sql.raw('…'/`…`) in the source. */
function sqlTexts(source: string): string[] {
  const texts: string[] = [];
  for (const m of source.matchAll(/\bsql(?:\.raw\()?`/g)) {
    let i = m.index + m[0].length;
    let text = '';
    let depth = 0;
    for (; i < source.length; i++) {
      const c = source[i];
      if (depth === 0 && c === '`') break;
      if (depth === 0 && c === '$' && source[i + 1] === '{') {
        depth = 1;
        i++;
        text += ' ? ';
        continue;
      }
      if (depth > 0) {
        if (c === '{') depth++;
        else if (c === '}') depth--;
        continue;
      }
      text += c;
    }
    texts.push(text);
  }
  return texts;
}

/** Names after FROM, JOIN, INTO, UPDATE, TABLE (functions and subqueries left out). */
function namedTables(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(/\b(?:from|join|into|update|table)\s+([a-z_][a-z0-9_]*)\b(?!\()/gi))
    names.push(m[1].toLowerCase());
  return names;
}

const tableNames = (m: (typeof allModules)[number]) =>
  new Set(
    Object.values(m.tables ?? {}).flatMap((t) => {
      try {
        return [getTableConfig(t as PgTable).name];
      } catch {
        return [];
      }
    }),
  );

describe('raw SQL and table ownership', () => {
  it('finds table names in SQL text', () => {
    const dollar = '$';
    const texts = sqlTexts(
      `const q = sql\`select a from youth_follows f join users u on ${dollar}{x} where exists (select 1 from unnest(${dollar}{y}))\`; sql.raw(\`insert into notifications (a) values (1)\`)`,
    );
    expect(texts.flatMap(namedTables)).toEqual(['youth_follows', 'users', 'notifications']);
  });

  it('names only the module’s own tables in each module’s raw SQL', () => {
    const owner = new Map<string, string>();
    for (const m of allModules) for (const t of tableNames(m)) owner.set(t, m.name);
    const problems: string[] = [];
    for (const m of allModules) {
      for (const file of sourceFiles(folderOf(m.name))) {
        const source = fs.readFileSync(path.join(ROOT, file), 'utf8');
        for (const table of new Set(sqlTexts(source).flatMap(namedTables))) {
          const by = owner.get(table);
          if (by && by !== m.name && !ALLOWED.has(`${m.name}→${table}`))
            problems.push(`${file}: raw SQL names ${table}, a table of ${by}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

// Reads a module may make of the platform's tables by SQL, each with its reason. Keep this short:
// prefer a platform function.
const ALLOWED = new Set<string>([]);
