import { APPLY_STATUSES, type ApplyStatus } from '../../../../../contracts/youth-policies.ts';
import { addDays, daysBetween } from '../../../../platform/time/index.ts';
import { CLOSING_SOON_DAYS, statusOn } from '../status.ts';
import type { Catalogue, CatalogueEntry, DayView } from './copy.ts';
import { words } from './slot-sets.ts';

// What the catalogue looks like on a day (statuses, deadlines, the deadline order) and the list
// filters as bitsets, each made when first asked for and kept with the catalogue.

/** The deadline sort counts days from here, as queries.ts does. */
const EPOCH_2000 = '2000-01-01';

/** The slots `keep` lets through, as a bitset. */
function bitsWhere(cat: Catalogue, keep: (e: CatalogueEntry, slot: number) => boolean): Uint32Array {
  const bits = new Uint32Array(words(cat.entries.length));
  for (let s = 0; s < cat.entries.length; s++) if (keep(cat.entries[s], s)) bits[s >>> 5] |= 1 << (s & 31);
  return bits;
}

/**
 * Policies open to residents of `region`: those without a region list, and those listing it. The
 * bitsets of every listed code are made in one pass the first time any region is asked for.
 */
export function regionFilter(cat: Catalogue, region: string): Uint32Array {
  if (cat.regionFilters.size === 0) {
    const anywhere = bitsWhere(cat, (e) => e.regionCodes.length === 0);
    cat.regionFilters.set('', anywhere);
    for (let s = 0; s < cat.entries.length; s++)
      for (const code of cat.entries[s].regionCodes) {
        let bits = cat.regionFilters.get(code);
        if (!bits) {
          bits = Uint32Array.from(anywhere);
          cat.regionFilters.set(code, bits);
        }
        bits[s >>> 5] |= 1 << (s & 31);
      }
  }
  return cat.regionFilters.get(region) ?? cat.regionFilters.get('')!;
}

export function fieldFilter(cat: Catalogue, field: string): Uint32Array {
  let f = cat.fieldFilters.get(field);
  if (!f) {
    f = bitsWhere(cat, (e) => e.fields.includes(field));
    cat.fieldFilters.set(field, f);
  }
  return f;
}

/** Policies whose age bounds (0: none) admit `age`. */
export function ageFilter(cat: Catalogue, age: number): Uint32Array {
  let f = cat.ageFilters.get(age);
  if (!f) {
    f = bitsWhere(cat, (e) => (e.minAge === 0 || e.minAge <= age) && (e.maxAge === 0 || e.maxAge >= age));
    cat.ageFilters.set(age, f);
  }
  return f;
}

/** Policies with `status` on the view's day; open includes closing soon (both take applications). */
export function statusFilter(cat: Catalogue, view: DayView, status: ApplyStatus): Uint32Array {
  let f = view.statusFilters.get(status);
  if (!f) {
    const want = APPLY_STATUSES.indexOf(status);
    const soon = APPLY_STATUSES.indexOf('closing_soon');
    f = bitsWhere(
      cat,
      (_, s) => view.statusCode[s] === want || (status === 'open' && view.statusCode[s] === soon),
    );
    view.statusFilters.set(status, f);
  }
  return f;
}

/** Statuses, deadlines and the deadline order on `day` (built once per catalogue and day). */
export function dayView(cat: Catalogue, day: string): DayView {
  const known = cat.days.get(day);
  if (known) return known;
  const n = cat.entries.length;
  const view: DayView = {
    status: new Array(n),
    statusCode: new Uint8Array(n),
    deadline: new Array(n),
    group: new Uint8Array(n),
    dayKey: new Int32Array(n),
    byDeadline: new Int32Array(n),
    deadlineOrder: new Int32Array(n),
    statusFilters: new Map(),
  };
  const soon = addDays(day, CLOSING_SOON_DAYS);
  for (let i = 0; i < n; i++) {
    const { status, deadline } = statusOn(cat.entries[i], day, soon);
    view.status[i] = status;
    view.statusCode[i] = APPLY_STATUSES.indexOf(status);
    view.deadline[i] = deadline;
    // As queries.ts orders them: taking applications (soonest deadline first), upcoming, always
    // open, then closed (most recently closed first).
    view.group[i] =
      status === 'open' || status === 'closing_soon'
        ? 0
        : status === 'upcoming'
          ? 1
          : status === 'always_open'
            ? 2
            : 3;
    view.dayKey[i] =
      status === 'always_open'
        ? 0
        : status === 'closed'
          ? -daysBetween(EPOCH_2000, deadline ?? EPOCH_2000)
          : daysBetween(EPOCH_2000, deadline!);
  }
  const ids = cat.entries.map((e) => e.id);
  view.byDeadline = Int32Array.from(cat.entries.keys()).sort(
    (a, b) =>
      view.group[a] - view.group[b] ||
      view.dayKey[a] - view.dayKey[b] ||
      (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0),
  );
  for (let i = 0; i < n; i++) view.deadlineOrder[view.byDeadline[i]] = i;
  if (cat.days.size >= 4) cat.days.clear();
  cat.days.set(day, view);
  return view;
}
