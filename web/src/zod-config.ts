// Zod compiles object checks with `new Function` when it may, and probes for that on first use:
// under our CSP (no 'unsafe-eval') the probe is a reported violation on every page with a form.
// `z.config({ jitless: true })` turns it off, but importing zod here would put it in the first
// download; zod keeps that config on this global (shared by every copy) and keeps a value set
// before it loads. Interpreted checks are fast enough for forms. Runs first in main.tsx.
const scope = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
scope.__zod_globalConfig = { ...scope.__zod_globalConfig, jitless: true };
