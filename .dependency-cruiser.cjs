// Boundaries between the platform and the modules, checked by `npm run lint` (see docs/ARCHITECTURE.md).
// Tests may reach inside what they test, so *.test.ts files, test helpers beside them (test-*.ts,
// workers-child.ts) and tests/ are not held to these rules.
const NOT_TESTS = '(\\.test\\.ts$|^tests/|/test-[^/]+\\.ts$|/workers-child\\.ts$)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'An import cycle makes load order matter and hides who depends on whom.',
      severity: 'error',
      from: { pathNot: NOT_TESTS },
      // Type-only imports vanish at run time, so they cannot make a load-order cycle.
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'platform-not-to-modules',
      comment: 'The platform serves every module and knows none of them; the composition root wires them.',
      severity: 'error',
      from: { path: '^server/platform/', pathNot: NOT_TESTS },
      to: { path: ['^server/modules/', '^server/composition\\.ts$', '^seed/'] },
    },
    {
      name: 'modules-through-index',
      comment:
        'A module uses another module only through its index.ts (never its tables, queries or commands).',
      severity: 'error',
      from: { path: '^server/modules/([^/]+)/', pathNot: NOT_TESTS },
      to: {
        path: '^server/modules/[^/]+/.+',
        pathNot: ['^server/modules/$1/', '^server/modules/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'features-through-public-file',
      comment: "A feature folder uses a sibling feature only through the sibling's index.ts.",
      severity: 'error',
      from: { path: '^server/modules/([^/]+)/([^/]+)/', pathNot: NOT_TESTS },
      to: {
        path: '^server/modules/$1/[^/]+/',
        pathNot: ['^server/modules/$1/$2/', '^server/modules/$1/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'sub-features-through-public-file',
      comment:
        "A sub-feature folder (youth/policies/catalogue, …/authoring, …/national-import) uses a sibling sub-feature only through the sibling's index.ts.",
      severity: 'error',
      from: { path: '^server/modules/([^/]+)/([^/]+)/([^/]+)/', pathNot: NOT_TESTS },
      to: {
        path: '^server/modules/$1/$2/[^/]+/',
        pathNot: ['^server/modules/$1/$2/$3/', '^server/modules/$1/$2/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'shared-files-to-sub-features-through-public-file',
      comment:
        "The files a feature's sub-features share (beside them, at the feature's root) use a sub-feature only through its index.ts.",
      severity: 'error',
      from: { path: '^server/modules/([^/]+)/([^/]+)/[^/]+$', pathNot: NOT_TESTS },
      to: { path: '^server/modules/$1/$2/[^/]+/', pathNot: '^server/modules/$1/$2/[^/]+/index\\.ts$' },
    },
    {
      name: 'server-not-to-demo',
      comment:
        'The demo sits above the server: only the composition entry points (main, CLI commands) load it.',
      severity: 'error',
      from: { path: '^server/', pathNot: [NOT_TESTS, '^server/main\\.ts$', '^server/cli-commands\\.ts$'] },
      to: { path: '^seed/' },
    },
    {
      name: 'web-not-to-server',
      comment: 'The web app shares only contracts/ with the server.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: ['^server/', '^seed/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^node_modules', '^dist/', '^\\.tmp/', '^web/dist/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};
