import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { pgUrlFor, TEST_DATABASE_URL, TEST_SECRET_KEY } from '../../../tests/helpers/engines.ts';
import { openPglite } from './connect.ts';
import { migrate, readMigrations, splitStatements } from './migrate.ts';

describe('migrations', () => {
  it('splits statements at line-ending semicolons and keeps $$ bodies whole', () => {
    const stmts = splitStatements(
      `-- comment\ncreate table a (x int);\ncreate function f() returns trigger as $$\nbegin\n  raise exception 'no';\nend;\n$$ language plpgsql;\nselect 1;`,
    );
    expect(stmts).toHaveLength(3);
    expect(stmts[1]).toContain("raise exception 'no';");
  });

  it('applies every migration once on PGlite, and nothing the second time', async () => {
    const db = await openPglite(undefined);
    try {
      const first = await migrate(db.db);
      expect(first).toEqual(readMigrations().map((m) => m.name));
      expect(await migrate(db.db)).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it.runIf(TEST_DATABASE_URL)(
    'lets several processes migrate one empty PostgreSQL database at once',
    async () => {
      const name = `hamkke_t_mig_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`create database ${name}`);
      try {
        const url = pgUrlFor(name);
        const runs = await Promise.all(
          [1, 2, 3].map(
            () =>
              new Promise<{ code: number | null; out: string }>((resolve) => {
                const p = spawn('node_modules/.bin/tsx', ['server/cli.ts', 'db', 'migrate'], {
                  env: {
                    ...process.env,
                    DATABASE_URL: url,
                    HAMKKE_LOG_LEVEL: 'silent',
                    HAMKKE_SECRET_KEY: TEST_SECRET_KEY,
                  },
                });
                let out = '';
                p.stdout.on('data', (d) => (out += d));
                p.stderr.on('data', (d) => (out += d));
                p.on('exit', (code) => resolve({ code, out }));
              }),
          ),
        );
        for (const r of runs) expect(r.code, r.out).toBe(0);
        // Exactly one process applied them; the others found them done.
        expect(runs.filter((r) => r.out.includes('Applied')).length).toBe(1);
        const check = new pg.Client({ connectionString: url });
        await check.connect();
        const applied = await check.query('select count(*)::int as n from hamkke_migrations');
        await check.end();
        expect(applied.rows[0].n).toBe(readMigrations().length);
      } finally {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    },
  );
});
