import { domainModules } from './modules/index.ts';
import { platformModule } from './platform/module.ts';
import type { ModuleDefinition } from './platform/modules/define.ts';
import { installModules } from './platform/modules/install.ts';

// The composition root: the one list of modules the app, the worker, the CLI, privacy and search
// iterate. Every entry point calls installAllModules() before it builds anything.
export const allModules: readonly ModuleDefinition[] = [platformModule, ...domainModules];

export function installAllModules(): void {
  installModules(allModules);
}
