// Compiles the server to plain JavaScript: `node scripts/build-server.mjs [outdir]` (default dist/).
// Each file of server/, seed/ and contracts/ becomes one .js file at the same place under outdir,
// its relative `.ts` imports rewritten to `.js`; packages stay in node_modules (PGlite's wasm and
// argon2's native module load from there as they do under tsx). The migrations and the built web
// app are copied beside it, so that paths the code finds from its own location hold in outdir too.
// Plain JavaScript on purpose: building must not need tsx. Under a second on an idle machine.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '..');
const outdir = path.resolve(ROOT, process.argv[2] ?? 'dist');

const entryPoints = ['server', 'seed', 'contracts'].flatMap((dir) =>
  fs
    .readdirSync(path.join(ROOT, dir), { recursive: true })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => path.join(dir, f)),
);

// Bundling with every import external transpiles file by file while esbuild's parser, not a
// regular expression, finds the import specifiers to rewrite.
const fileByFile = {
  name: 'file-by-file',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      if (/^\.\.?\//.test(args.path)) return { path: args.path.replace(/\.ts$/, '.js'), external: true };
      return { external: true };
    });
  },
};

fs.rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: ROOT,
  entryPoints,
  outdir,
  outbase: '.',
  bundle: true,
  plugins: [fileByFile],
  platform: 'node',
  format: 'esm',
  target: 'node24',
  sourcemap: 'linked',
  logLevel: 'warning',
});

fs.cpSync(path.join(ROOT, 'db/migrations'), path.join(outdir, 'db/migrations'), { recursive: true });
const web = path.join(ROOT, 'web/dist');
if (fs.existsSync(path.join(web, 'index.html'))) {
  fs.cpSync(web, path.join(outdir, 'web/dist'), { recursive: true });
} else {
  console.warn(
    'web/dist is not built: the compiled server will answer API requests only (npm run build:web).',
  );
}
