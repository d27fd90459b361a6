import { getTableName, is, SQL, sql, TransactionRollbackError } from 'drizzle-orm';
import { type AnyPgColumn, getTableConfig, PgDialect, type PgTable } from 'drizzle-orm/pg-core';
import { type Db, type DbOrTx, queryRows } from '../../server/platform/db/connect.ts';

// Compares the live schema (made by db/migrations/, the source of truth) with the Drizzle table
// objects. Drizzle's expressions (defaults, generated columns, checks, unique-index predicates) are
// given to PostgreSQL itself: each table object is created as a temporary table of the same name
// and both are read back through pg_catalog, so both sides are printed by the same deparser and
// `'22:00'` meets `'22:00:00'::time without time zone` as equals. Keys and foreign keys are
// compared from getTableConfig() directly. Everything happens in one transaction, rolled back.

const dialect = new PgDialect();
const ON_ACTION: Record<string, string> = {
  a: 'no action',
  r: 'restrict',
  c: 'cascade',
  n: 'set null',
  d: 'set default',
};

interface ColumnShape {
  type: string;
  nullability: string;
  default: string;
  identity: string;
  generated: string;
}
export interface TableShape {
  columns: Map<string, ColumnShape>;
  primaryKey: string;
  foreignKeys: Map<string, string>;
  /** Unique constraints and unique indexes, each as one line. */
  uniques: Set<string>;
  checks: Map<string, string>;
}

function emptyShape(): TableShape {
  return {
    columns: new Map(),
    primaryKey: 'none',
    foreignKeys: new Map(),
    uniques: new Set(),
    checks: new Map(),
  };
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** Drizzle SQL as PostgreSQL text: columns unqualified (they must resolve in any table), values inlined. */
function render(value: unknown): string {
  if (is(value, SQL)) return dialect.sqlToQuery(sql`${value}`.inlineParams(), 'indexes').sql;
  return String(value);
}

function renderDefault(column: AnyPgColumn): string | null {
  const value = column.default;
  if (value === undefined) return null;
  if (is(value, SQL)) return render(value);
  const driver = column.mapToDriverValue(value);
  if (typeof driver === 'number' || typeof driver === 'boolean' || typeof driver === 'bigint') {
    return String(driver);
  }
  if (driver instanceof Date) return literal(driver.toISOString());
  return literal(typeof driver === 'string' ? driver : JSON.stringify(driver));
}

/** CREATE TEMP TABLE for the Drizzle object: columns, unique constraints and checks (keys apart). */
function temporaryTableDdl(table: PgTable): string[] {
  const config = getTableConfig(table);
  const parts: string[] = [];
  for (const column of config.columns) {
    let line = `${ident(column.name)} ${column.getSQLType()}`;
    const identity = column.generatedIdentity;
    if (identity) line += ` generated ${identity.type === 'always' ? 'always' : 'by default'} as identity`;
    const generated = column.generated;
    if (generated) {
      const as = typeof generated.as === 'function' ? (generated.as as () => unknown)() : generated.as;
      line += ` generated always as (${render(as)}) stored`;
    }
    const dflt = renderDefault(column);
    if (dflt !== null && !generated) line += ` default ${dflt}`;
    if (column.notNull) line += ' not null';
    if (column.isUnique) {
      line += column.uniqueType === 'not distinct' ? ' unique nulls not distinct' : ' unique';
    }
    parts.push(line);
  }
  for (const u of config.uniqueConstraints) {
    const nulls = u.nullsNotDistinct ? ' nulls not distinct' : '';
    parts.push(`unique${nulls} (${u.columns.map((c) => ident(c.name)).join(', ')})`);
  }
  for (const c of config.checks) parts.push(`constraint ${ident(c.name)} check (${render(c.value)})`);
  const statements = [`create temp table ${ident(config.name)} (${parts.join(', ')})`];
  for (const index of config.indexes) {
    const { name, unique, columns, where, method } = index.config;
    if (!unique) continue; // plain indexes are about speed, not shape; the migrations own them
    const keys = columns.map((c) => (is(c, SQL) ? `(${render(c)})` : ident((c as { name: string }).name)));
    const predicate = where ? ` where ${render(where)}` : '';
    statements.push(
      `create unique index ${ident(name ?? `${config.name}_unique`)} on pg_temp.${ident(config.name)} using ${method} (${keys.join(', ')})${predicate}`,
    );
  }
  return statements;
}

/** Reads columns, unique constraints, unique indexes and checks of the tables in one namespace. */
async function readCatalog(tx: DbOrTx, namespace: SQL): Promise<Map<string, TableShape>> {
  const shapes = new Map<string, TableShape>();
  const shape = (table: string) => {
    const s = shapes.get(table) ?? emptyShape();
    shapes.set(table, s);
    return s;
  };
  const columns = await queryRows<{
    table_name: string;
    column_name: string;
    type: string;
    not_null: boolean;
    default_expr: string | null;
    generated_expr: string | null;
    identity: string;
  }>(
    tx,
    sql`select c.relname as table_name, a.attname as column_name,
               format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as not_null,
               case when a.attgenerated = '' then pg_get_expr(d.adbin, d.adrelid) end as default_expr,
               case when a.attgenerated <> '' then pg_get_expr(d.adbin, d.adrelid) end as generated_expr,
               a.attidentity::text as identity
          from pg_attribute a
          join pg_class c on c.oid = a.attrelid
          left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
         where c.relnamespace = ${namespace} and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
         order by c.relname, a.attnum`,
  );
  for (const c of columns) {
    shape(c.table_name).columns.set(c.column_name, {
      type: c.type,
      nullability: c.not_null ? 'not null' : 'null',
      default: c.default_expr === null ? 'no default' : `default ${c.default_expr}`,
      identity: c.identity === 'a' ? 'always' : c.identity === 'd' ? 'by default' : 'none',
      generated: c.generated_expr === null ? 'none' : `as (${c.generated_expr}) stored`,
    });
  }
  const constraints = await queryRows<{
    table_name: string;
    name: string;
    kind: string;
    columns: string;
    nulls_not_distinct: boolean | null;
    definition: string;
  }>(
    tx,
    sql`select c.relname as table_name, k.conname as name, k.contype::text as kind,
               (select string_agg(a.attname, ', ' order by u.i)
                  from unnest(k.conkey) with ordinality u(n, i)
                  join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n) as columns,
               x.indnullsnotdistinct as nulls_not_distinct,
               pg_get_constraintdef(k.oid) as definition
          from pg_constraint k
          join pg_class c on c.oid = k.conrelid
          left join pg_index x on x.indexrelid = k.conindid
         where c.relnamespace = ${namespace} and k.contype in ('u', 'c')`,
  );
  for (const k of constraints) {
    if (k.kind === 'c') shape(k.table_name).checks.set(k.name, k.definition);
    else {
      const nulls = k.nulls_not_distinct ? ' nulls not distinct' : '';
      shape(k.table_name).uniques.add(`unique${nulls} (${k.columns})`);
    }
  }
  const indexes = await queryRows<{
    table_name: string;
    name: string;
    method: string;
    keys: string;
    predicate: string | null;
    nulls_not_distinct: boolean;
  }>(
    tx,
    sql`select c.relname as table_name, i.relname as name, m.amname as method,
               (select string_agg(pg_get_indexdef(x.indexrelid, k, true), ', ' order by k)
                  from generate_series(1, x.indnkeyatts::int) k) as keys,
               pg_get_expr(x.indpred, x.indrelid) as predicate,
               x.indnullsnotdistinct as nulls_not_distinct
          from pg_index x
          join pg_class c on c.oid = x.indrelid
          join pg_class i on i.oid = x.indexrelid
          join pg_am m on m.oid = i.relam
         where c.relnamespace = ${namespace} and x.indisunique
           and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid)`,
  );
  for (const x of indexes) {
    const nulls = x.nulls_not_distinct ? ' nulls not distinct' : '';
    const where = x.predicate ? ` where ${x.predicate}` : '';
    shape(x.table_name).uniques.add(`unique index ${x.name} using ${x.method} (${x.keys})${nulls}${where}`);
  }
  return shapes;
}

/** Primary and foreign keys of the live tables. */
async function readKeys(tx: DbOrTx, shapes: Map<string, TableShape>): Promise<void> {
  const keys = await queryRows<{
    table_name: string;
    kind: string;
    columns: string;
    ref_table: string | null;
    ref_columns: string | null;
    on_delete: string;
    on_update: string;
  }>(
    tx,
    sql`select c.relname as table_name, k.contype::text as kind,
               (select string_agg(a.attname, ', ' order by u.i)
                  from unnest(k.conkey) with ordinality u(n, i)
                  join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n) as columns,
               f.relname as ref_table,
               (select string_agg(a.attname, ', ' order by u.i)
                  from unnest(k.confkey) with ordinality u(n, i)
                  join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.n) as ref_columns,
               k.confdeltype::text as on_delete, k.confupdtype::text as on_update
          from pg_constraint k
          join pg_class c on c.oid = k.conrelid
          left join pg_class f on f.oid = k.confrelid
         where c.relnamespace = 'public'::regnamespace and k.contype in ('p', 'f')`,
  );
  for (const k of keys) {
    const s = shapes.get(k.table_name);
    if (!s) continue;
    if (k.kind === 'p') s.primaryKey = `(${k.columns})`;
    else {
      s.foreignKeys.set(
        `(${k.columns})`,
        foreignKeyText(k.ref_table!, k.ref_columns!, ON_ACTION[k.on_delete]!, ON_ACTION[k.on_update]!),
      );
    }
  }
}

function foreignKeyText(table: string, columns: string, onDelete: string, onUpdate: string): string {
  const update = onUpdate === 'no action' ? '' : ` on update ${onUpdate}`;
  return `references ${table}(${columns}) on delete ${onDelete}${update}`;
}

/** Primary and foreign keys as the Drizzle object declares them. */
function drizzleKeys(table: PgTable, shape: TableShape): void {
  const config = getTableConfig(table);
  const single = config.columns.filter((c) => c.primary).map((c) => c.name);
  const composite = config.primaryKeys.map((pk) => pk.columns.map((c) => c.name));
  const declared = [...(single.length ? [single] : []), ...composite];
  shape.primaryKey = declared.length ? declared.map((cols) => `(${cols.join(', ')})`).join(' and ') : 'none';
  for (const fk of config.foreignKeys) {
    const ref = fk.reference();
    shape.foreignKeys.set(
      `(${ref.columns.map((c) => c.name).join(', ')})`,
      foreignKeyText(
        getTableName(ref.foreignTable),
        ref.foreignColumns.map((c) => c.name).join(', '),
        fk.onDelete ?? 'no action',
        fk.onUpdate ?? 'no action',
      ),
    );
  }
}

/** A check that only lists the values a column may take: an enum, to be declared in Drizzle too. */
export function isValueListCheck(definition: string): boolean {
  return /^CHECK \(\(\w+ = ANY \(ARRAY\[('(?:[^']|'')*'::text(, )?)+\]\)\)\)$/.test(definition);
}

function compareTable(name: string, db: TableShape, drizzle: TableShape, out: string[]): void {
  for (const [column, live] of db.columns) {
    const declared = drizzle.columns.get(column);
    if (!declared) {
      out.push(`${name}.${column}: db has this column (${live.type}), drizzle does not`);
      continue;
    }
    for (const facet of ['type', 'nullability', 'default', 'identity', 'generated'] as const) {
      if (live[facet] !== declared[facet]) {
        out.push(`${name}.${column}: ${facet}: db says ${live[facet]}, drizzle says ${declared[facet]}`);
      }
    }
  }
  for (const [column, declared] of drizzle.columns) {
    if (!db.columns.has(column))
      out.push(`${name}.${column}: drizzle has this column (${declared.type}), db does not`);
  }
  if (db.primaryKey !== drizzle.primaryKey) {
    out.push(`${name}: primary key: db says ${db.primaryKey}, drizzle says ${drizzle.primaryKey}`);
  }
  for (const columns of new Set([...db.foreignKeys.keys(), ...drizzle.foreignKeys.keys()])) {
    const live = db.foreignKeys.get(columns) ?? 'no foreign key';
    const declared = drizzle.foreignKeys.get(columns) ?? 'no foreign key';
    if (live !== declared) out.push(`${name}${columns}: db says ${live}, drizzle says ${declared}`);
  }
  for (const u of db.uniques) if (!drizzle.uniques.has(u)) out.push(`${name}: db has ${u}, drizzle does not`);
  for (const u of drizzle.uniques) if (!db.uniques.has(u)) out.push(`${name}: drizzle has ${u}, db does not`);
  for (const [check, declared] of drizzle.checks) {
    const live = db.checks.get(check) ?? 'no such check';
    if (live !== declared) out.push(`${name}: check ${check}: db says ${live}, drizzle says ${declared}`);
  }
  for (const [check, live] of db.checks) {
    if (isValueListCheck(live) && !drizzle.checks.has(check)) {
      out.push(
        `${name}: check ${check} lists a column's values (${live}); declare it in drizzle from contracts/`,
      );
    }
  }
}

/**
 * Every difference between the public schema and the given Drizzle tables, one readable line each.
 * `unmodelled` names live tables that deliberately have no Drizzle object, with the reason.
 */
export async function schemaDrift(
  db: Db,
  tables: ReadonlyMap<string, PgTable>,
  unmodelled: Readonly<Record<string, string>>,
): Promise<string[]> {
  const out: string[] = [];
  try {
    await db.transaction(async (tx) => {
      const live = await readCatalog(tx, sql`'public'::regnamespace`);
      await readKeys(tx, live);
      for (const [name, table] of tables) {
        try {
          await tx.transaction(async (savepoint) => {
            for (const statement of temporaryTableDdl(table)) await savepoint.execute(sql.raw(statement));
          });
        } catch (err) {
          out.push(`${name}: drizzle's definition is not valid SQL: ${(err as Error).message}`);
        }
      }
      const declared = await readCatalog(tx, sql`pg_my_temp_schema()`);
      for (const name of [...new Set([...live.keys(), ...tables.keys()])].sort()) {
        const table = tables.get(name);
        const liveShape = live.get(name);
        if (!table) {
          if (!(name in unmodelled)) out.push(`${name}: db has this table, drizzle has no object for it`);
          continue;
        }
        if (!liveShape) {
          out.push(`${name}: drizzle has this table, db does not`);
          continue;
        }
        const drizzleShape = declared.get(name) ?? emptyShape();
        drizzleKeys(table, drizzleShape);
        compareTable(name, liveShape, drizzleShape, out);
      }
      for (const name of Object.keys(unmodelled)) {
        if (tables.has(name)) out.push(`${name}: listed as having no Drizzle object, but it has one`);
        else if (!live.has(name))
          out.push(`${name}: listed as having no Drizzle object, but db has no such table`);
      }
      tx.rollback();
    });
  } catch (err) {
    if (!(err instanceof TransactionRollbackError)) throw err;
  }
  return out;
}
