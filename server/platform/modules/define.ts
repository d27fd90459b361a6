import type { FastifyInstance } from 'fastify';
import type { Policy } from '../access/authorize.ts';
import type { CalendarFeedSource } from '../calendar/feed-sources.ts';
import type { DbOrTx } from '../db/connect.ts';
import type { Subscriber } from '../events/define.ts';
import type { Catalog } from '../i18n/messages.ts';
import type { JobDefinition } from '../jobs/boss.ts';
import type { NotificationKind } from '../notify/kinds.ts';
import type { AccountEraser } from '../privacy/erase.ts';
import type { PersonalDataExporter } from '../privacy/export.ts';
import type { WorkQueue } from '../staff/work-queues.ts';

// One declaration per module (and one for the platform's own parts): everything the app, the
// worker, "download my data", account deletion and search need to know about it. Nothing registers
// itself by being imported; the composition root installs the list (server/composition.ts).

/** What a module puts in the site search index. */
export interface ModuleSearch {
  /** Each record type it indexes, with what people see beside a result (never the type itself). */
  labels: Readonly<Record<string, { ko: string; en: string }>>;
  /** Rebuilds the module's entries for one organization (the demo, a repair). */
  reindex?: (tx: DbOrTx, organizationId: string) => Promise<void>;
}

/** A module's part of "download my data" and of account deletion. */
export interface ModulePrivacy {
  /** "Download my data": one section per name. */
  exporters?: Readonly<Record<string, PersonalDataExporter>>;
  /** Account deletion: erase what was only theirs, anonymise their public contributions. */
  erasers?: Readonly<Record<string, AccountEraser>>;
}

/**
 * Every table naming a person (a column referencing users) must be accounted for by the module that
 * owns it: in `covers` (its exporters and erasers handle the rows) or in `exempt` with the reason.
 * tests/privacy-coverage.test.ts fails on a person's table in neither, so a new table cannot slip by.
 */
export interface PersonalTables {
  covers?: ReadonlyArray<string>;
  exempt?: Readonly<Record<string, string>>;
}

export interface ModuleDefinition {
  /** Lower-case name, also the prefix of its policies, jobs and notification kinds ('youth'). */
  name: string;
  routes?: ReadonlyArray<(app: FastifyInstance) => Promise<void>>;
  policies?: ReadonlyArray<Readonly<Record<string, Policy>>>;
  jobs?: ReadonlyArray<JobDefinition>;
  notificationKinds?: ReadonlyArray<NotificationKind>;
  /** Reactions to other features' domain events (platform/events). */
  subscribers?: ReadonlyArray<Subscriber>;
  messages?: ReadonlyArray<Catalog>;
  privacy?: ReadonlyArray<ModulePrivacy>;
  personalTables?: PersonalTables;
  search?: ModuleSearch;
  /** What the module puts in a person's calendar feed (platform/calendar). */
  calendarFeed?: CalendarFeedSource;
  /** What waits for staff (the staff home, platform/staff): counts and oldest items per queue. */
  workQueues?: ReadonlyArray<WorkQueue>;
  /** The module's Drizzle tables (its own; nobody else's). */
  tables?: Readonly<Record<string, unknown>>;
}

/** Declares a module; the name is checked here so a typo fails at start, not at the first request. */
export function defineModule<const M extends ModuleDefinition>(module: M): M {
  if (!/^[a-z][a-z0-9-]*$/.test(module.name))
    throw new Error(`Module name ${module.name} must be lower-case`);
  return module;
}
