import { definePolicies } from '../access/authorize.ts';
import { registerCalendarFeed } from '../calendar/feed-sources.ts';
import { registerSubscriber } from '../events/emit.ts';
import { registerMessages } from '../i18n/messages.ts';
import { registerJob } from '../jobs/boss.ts';
import { registerNotificationKind } from '../notify/kinds.ts';
import { registerAccountEraser } from '../privacy/erase.ts';
import { registerPersonalDataExporter } from '../privacy/export.ts';
import { registerSearch } from '../search/sources.ts';
import { assertWorkQueuesLabelled, registerWorkQueue } from '../staff/work-queues.ts';
import type { ModuleDefinition } from './define.ts';
import { markModulesInstalled } from './installed.ts';

// The registries are filled here and only here, once per process, from the one list of modules.
let installed: readonly ModuleDefinition[] | null = null;

export function installModules(modules: readonly ModuleDefinition[]): void {
  if (installed) {
    if (installed === modules) return;
    throw new Error('Modules are already installed from another list');
  }
  const names = new Set<string>();
  for (const m of modules) {
    if (names.has(m.name)) throw new Error(`Module ${m.name} is declared twice`);
    names.add(m.name);
    for (const catalog of m.messages ?? []) registerMessages(catalog);
    for (const rules of m.policies ?? []) definePolicies(rules);
    for (const job of m.jobs ?? []) registerJob(job);
    for (const kind of m.notificationKinds ?? []) registerNotificationKind(kind);
    for (const s of m.subscribers ?? []) registerSubscriber(s);
    for (const part of m.privacy ?? []) {
      for (const [name, exporter] of Object.entries(part.exporters ?? {}))
        registerPersonalDataExporter(name, exporter);
      for (const [name, eraser] of Object.entries(part.erasers ?? {})) registerAccountEraser(name, eraser);
    }
    if (m.search) registerSearch(m.search);
    if (m.calendarFeed) registerCalendarFeed(m.name, m.calendarFeed);
    for (const queue of m.workQueues ?? []) registerWorkQueue(queue);
  }
  assertWorkQueuesLabelled(); // every module's messages are in by now
  installed = modules;
  markModulesInstalled(modules.map((m) => m.name));
}
