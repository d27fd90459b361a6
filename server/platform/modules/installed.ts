// Whether the composition root has installed the modules in this process (see install.ts). Apart
// from install.ts so that the registries can ask without importing it (no cycle).
let installed = false;
let names: readonly string[] = [];

/** `moduleNames`: the installed modules' names, in installation order. */
export function markModulesInstalled(moduleNames: readonly string[]): void {
  installed = true;
  names = moduleNames;
}

/** The names of the installed modules (the platform's own declaration included as `platform`). */
export function installedModuleNames(): readonly string[] {
  assertModulesInstalled('Installed module names');
  return names;
}

/** Registries that must not be read empty (jobs, exporters, erasers) call this first. */
export function assertModulesInstalled(what: string): void {
  if (!installed) throw new Error(`${what} read before the modules were installed (server/composition.ts)`);
}
