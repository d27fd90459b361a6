import fs from 'node:fs';
import path from 'node:path';
import { getTableColumns, is, Table } from 'drizzle-orm';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { allModules } from '../server/composition.ts';

// A forgotten organization filter is a leak between districts. Every Drizzle read, update or delete
// of a tenant table (one with an organization_id column) names its organization through forOrg()
// (server/platform/db/tenant.ts), or says on the line before why it needs none: `// tenant-scope: …`.
// This reads the source of server/ and fails on any query that does neither.

const ROOT = path.resolve(import.meta.dirname, '..');
const MARK = 'tenant-scope:';

// Files another change is rewriting right now; each is converted when that change lands.
const PENDING: Record<string, string> = {
  'server/modules/youth/policies/catalogue/queries.ts': 'being rewritten for speed (issue 8, youth search)',
  'server/modules/youth/policies/catalogue/copy-cache.ts':
    'being rewritten for speed (issue 8, youth search)',
  'server/modules/youth/policies/catalogue/search.ts': 'being rewritten for speed (issue 8, youth search)',
  'server/modules/youth/eligibility/': 'being rewritten for speed (issue 8, self-check)',
};

// The platform's reads of one organization's data for its staff and admins. The rest of the
// platform's tenant tables are reached by a person's own account, session or token (sign-in,
// privacy export and erasure, delivery), which belong to one organization already.
const PLATFORM_FILES = [
  'server/platform/admin/commands.ts',
  'server/platform/admin/queries.ts',
  'server/platform/notify/queries.ts',
];

// A module's privacy.ts (its ModulePrivacy exporters and erasers) reads and erases one person's rows
// by their account id in every organization they used: "download my data" and account deletion
// cover the person, not a district.
const isPrivacyPart = (file: string) => path.basename(file) === 'privacy.ts';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(rel);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.startsWith('test-') ? [rel] : [];
  });
}

/** The export names of every declared table with an organizationId column (how the source names them). */
function tenantTableNames(): Set<string> {
  const names = new Set<string>();
  for (const m of allModules)
    for (const [name, t] of Object.entries(m.tables ?? {}))
      if (is(t, Table) && 'organizationId' in getTableColumns(t)) names.add(name);
  return names;
}

const QUERY_METHODS = new Set(['from', 'update', 'delete']);

/** The whole method chain a call sits in: db.select().from(t).where(…).orderBy(…). */
function chainTop(node: ts.Node): ts.Node {
  let n = node;
  while (
    (ts.isPropertyAccessExpression(n.parent) && n.parent.expression === n) ||
    (ts.isCallExpression(n.parent) && n.parent.expression === n) ||
    ts.isAwaitExpression(n.parent) ||
    ts.isNonNullExpression(n.parent)
  )
    n = n.parent;
  return n;
}

/** Whether the code calls forOrg(table, …) for this very table (a scoped join does not scope the FROM). */
const callsForOrg = (node: ts.Node, table: string): boolean =>
  (ts.isCallExpression(node) &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === 'forOrg' &&
    node.arguments[0]?.getText() === table) ||
  ts.forEachChild(node, (c) => (callsForOrg(c, table) ? true : undefined)) === true;

/**
 * The names a chain's .where(…) uses for conditions built elsewhere: variables passed as they are
 * (`.where(filter)`, `and(...where)`) and functions called for one (`.where(mine(who))`).
 */
function whereNames(chain: ts.Node): string[] {
  const names: string[] = [];
  const collect = (n: ts.Node) => {
    if (ts.isIdentifier(n)) names.push(n.text);
    else if (ts.isSpreadElement(n)) collect(n.expression);
    else if (ts.isCallExpression(n)) {
      if (ts.isIdentifier(n.expression)) names.push(n.expression.text);
      n.arguments.forEach(collect);
    }
  };
  const visit = (n: ts.Node) => {
    if (
      ts.isCallExpression(n) &&
      ts.isPropertyAccessExpression(n.expression) &&
      n.expression.name.text === 'where'
    )
      n.arguments.forEach(collect);
    ts.forEachChild(n, visit);
  };
  visit(chain);
  return names;
}

/** A variable or function of an enclosing scope named `name` whose value or body calls forOrg(). */
function declaredWithForOrg(from: ts.Node, name: string, table: string): boolean {
  for (let scope: ts.Node | undefined = from.parent; scope; scope = scope.parent) {
    if (!(ts.isFunctionLike(scope) || ts.isSourceFile(scope))) continue;
    let found = false;
    const visit = (n: ts.Node) => {
      if (found) return;
      if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === name && n.initializer)
        found = callsForOrg(n.initializer, table);
      else if (ts.isFunctionDeclaration(n) && n.name?.text === name && n.body)
        found = callsForOrg(n.body, table);
      else ts.forEachChild(n, visit);
    };
    visit(scope);
    if (found) return true;
  }
  return false;
}

function markedExempt(source: ts.SourceFile, node: ts.Node): boolean {
  const lines = source.text.split('\n');
  const statement = (() => {
    let n = node;
    while (n.parent && !ts.isSourceFile(n.parent) && !ts.isBlock(n.parent)) n = n.parent;
    return n;
  })();
  const at = (n: ts.Node) => source.getLineAndCharacterOfPosition(n.getStart(source)).line;
  const candidates = [at(node), at(node) - 1, at(statement), at(statement) - 1];
  return candidates.some((l) => l >= 0 && lines[l].includes(MARK));
}

interface Unscoped {
  file: string;
  line: number;
  table: string;
  method: string;
}

function unscopedQueries(file: string, text: string, tenant: Set<string>): Unscoped[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: Unscoped[] = [];
  const visit = (n: ts.Node) => {
    if (
      ts.isCallExpression(n) &&
      ts.isPropertyAccessExpression(n.expression) &&
      QUERY_METHODS.has(n.expression.name.text) &&
      n.expression.expression.getText(source) !== 'Array' &&
      n.arguments.length === 1 &&
      ts.isIdentifier(n.arguments[0]) &&
      tenant.has(n.arguments[0].text)
    ) {
      const chain = chainTop(n);
      const table = n.arguments[0].text;
      const scoped =
        callsForOrg(chain, table) || whereNames(chain).some((name) => declaredWithForOrg(chain, name, table));
      if (!scoped && !markedExempt(source, n))
        found.push({
          file,
          line: source.getLineAndCharacterOfPosition(n.getStart(source)).line + 1,
          table: n.arguments[0].text,
          method: n.expression.name.text,
        });
    }
    ts.forEachChild(n, visit);
  };
  visit(source);
  return found;
}

describe('tenant-scoped queries', () => {
  const tenant = tenantTableNames();

  it('knows the tenant tables', () => {
    for (const name of ['youthQuestions', 'seEnterprises', 'adminTeams', 'notifications', 'memberships'])
      expect(tenant, name).toContain(name);
    expect(tenant).not.toContain('users');
  });

  it('catches a query without an organization filter, and accepts forOrg() or a reason', () => {
    const tables = new Set(['youthQuestions']);
    const bad = `
      async function a(db, id) {
        return db.select().from(youthQuestions).where(eq(youthQuestions.id, id));
      }
      async function e(db, orgId) {
        return db.select().from(youthQuestions).innerJoin(youthPolicies, forOrg(youthPolicies, orgId));
      }
      async function b(db, orgId, id) {
        await db.update(youthQuestions).set({ x: 1 }).where(and(eq(youthQuestions.organizationId, orgId), eq(youthQuestions.id, id)));
      }`;
    expect(unscopedQueries('bad.ts', bad, tables).map((u) => `${u.method} ${u.table} @${u.line}`)).toEqual([
      'from youthQuestions @3',
      'from youthQuestions @6',
      'update youthQuestions @9',
    ]);
    const good = `
      async function a(db, ctx, id) {
        return db.select().from(youthQuestions).where(forOrg(youthQuestions, ctx, eq(youthQuestions.id, id)));
      }
      async function b(db, ctx, id) {
        const where = [forOrg(youthQuestions, ctx)];
        await db.delete(youthQuestions).where(and(...where));
      }
      const mine = (who) => forOrg(youthQuestions, who.organizationId, eq(youthQuestions.askerId, who.userId));
      async function d(db, who) {
        return db.select().from(youthQuestions).where(and(mine(who), isNull(youthQuestions.answeredAt)));
      }
      async function c(db, id) {
        // tenant-scope: the id came from a row of this organization read in the same transaction
        await db.update(youthQuestions).set({ x: 1 }).where(eq(youthQuestions.id, id));
      }
      const copies = Array.from(youthQuestions);`;
    expect(unscopedQueries('good.ts', good, tables)).toEqual([]);
  });

  it('filters every Drizzle query on a tenant table in the modules and the platform admin reads by organization', () => {
    const pending = Object.keys(PENDING);
    const files = [...sourceFiles('server/modules'), ...PLATFORM_FILES].filter(
      (f) => !f.endsWith('tables.ts') && !isPrivacyPart(f) && !pending.some((p) => f.startsWith(p)),
    );
    const unscoped = files.flatMap((f) =>
      unscopedQueries(f, fs.readFileSync(path.join(ROOT, f), 'utf8'), tenant),
    );
    expect(unscoped.map((u) => `${u.file}:${u.line} ${u.method}(${u.table})`)).toEqual([]);
  });
});
