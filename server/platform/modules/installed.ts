// Whether the composition root has installed the modules in this process (see install.ts). Apart
// from install.ts so that the registries can ask without importing it (no cycle).
let installed = false;

export function markModulesInstalled(): void {
  installed = true;
}

/** Registries that must not be read empty (jobs, exporters, erasers) call this first. */
export function assertModulesInstalled(what: string): void {
  if (!installed) throw new Error(`${what} read before the modules were installed (server/composition.ts)`);
}
