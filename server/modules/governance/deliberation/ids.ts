// Participant and statement ids as an export gives them (Pol.is uses small integers): one order for
// all of them, so a map never depends on the order its votes arrived in.
const INTEGER = /^(0|[1-9]\d{0,14})$/;

/** Integers by value first, then every other id by code unit order. */
export function compareIds(a: string, b: string): number {
  const ai = INTEGER.test(a);
  const bi = INTEGER.test(b);
  if (ai && bi) return Number(a) - Number(b);
  if (ai !== bi) return ai ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** An id as JSON shows it: a number when it is a plain integer, as Pol.is exports write them. */
export function idValue(id: string): string | number {
  return INTEGER.test(id) ? Number(id) : id;
}

/** The index of `id` in `index`, adding it (as the next index) when new. */
export function intern(index: Map<string, number>, id: string): number {
  let i = index.get(id);
  if (i === undefined) {
    i = index.size;
    index.set(id, i);
  }
  return i;
}
