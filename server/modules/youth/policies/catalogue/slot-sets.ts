// Sets of catalogue slots (0…n-1) for the in-process search: a sorted list, and for large sets also
// a bitset (n/32 words), so that intersecting the sets of common words costs a few hundred word
// operations instead of a pass over thousands of slots, and a membership test is one bit.

export interface SlotSet {
  /** The slots, ascending; null for a bitset-only set (read it with slotsOf). */
  list: Int32Array | null;
  /** One bit per slot; null for a small set. */
  bits: Uint32Array | null;
  /** How many slots. */
  size: number;
}

export const words = (n: number) => (n + 31) >>> 5;

export const emptySet: SlotSet = { list: new Int32Array(0), bits: null, size: 0 };

export function bitsOf(list: ArrayLike<number>, n: number): Uint32Array {
  const bits = new Uint32Array(words(n));
  for (let i = 0; i < list.length; i++) bits[list[i] >>> 5] |= 1 << (list[i] & 31);
  return bits;
}

/** A posting list as a set: lists longer than a bitset also get one. */
export function setOfList(list: Int32Array, n: number): SlotSet {
  return { list, bits: list.length > words(n) ? bitsOf(list, n) : null, size: list.length };
}

export function setOfBits(bits: Uint32Array): SlotSet {
  return { list: null, bits, size: popcount(bits) };
}

export function popcount(bits: Uint32Array): number {
  let n = 0;
  for (let i = 0; i < bits.length; i++) {
    let v = bits[i];
    v -= (v >>> 1) & 0x55555555;
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    n += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return n;
}

export const hasBit = (bits: Uint32Array, s: number) => (bits[s >>> 5] & (1 << (s & 31))) !== 0;

/** Whether the set holds `s` (a binary search for a list-only set). */
export function has(set: SlotSet, s: number): boolean {
  if (set.bits) return hasBit(set.bits, s);
  const list = set.list!;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < s) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length && list[lo] === s;
}

/** The slots of a set, ascending. */
export function slotsOf(set: SlotSet): Int32Array {
  if (set.list) return set.list;
  const out = new Int32Array(set.size);
  const bits = set.bits!;
  let k = 0;
  for (let w = 0; w < bits.length; w++) {
    let v = bits[w];
    while (v !== 0) {
      const low = v & -v;
      out[k++] = (w << 5) + 31 - Math.clz32(low);
      v ^= low;
    }
  }
  return out;
}

/** The slots in every set (none given: null, meaning every slot). */
export function intersectSets(sets: SlotSet[], n: number): SlotSet | null {
  if (sets.length === 0) return null;
  if (sets.length === 1) return sets[0];
  const withBits = sets.filter((s) => s.bits !== null);
  const listOnly = sets.filter((s) => s.bits === null);
  if (listOnly.length === 0) {
    const out = new Uint32Array(words(n));
    out.set(withBits[0].bits!);
    for (let i = 1; i < withBits.length; i++) {
      const b = withBits[i].bits!;
      for (let w = 0; w < out.length; w++) out[w] &= b[w];
    }
    return setOfBits(out);
  }
  // The smallest list, kept where every other set has the slot.
  listOnly.sort((a, b) => a.size - b.size);
  const base = listOnly[0].list!;
  const others = [...listOnly.slice(1), ...withBits];
  const out: number[] = [];
  for (let i = 0; i < base.length; i++) {
    const s = base[i];
    if (others.every((o) => has(o, s))) out.push(s);
  }
  return { list: Int32Array.from(out), bits: null, size: out.length };
}

/** The slots of `set` (null: all) that `keep` (a bitset, null: all) lets through. */
export function filterSet(set: SlotSet | null, keep: Uint32Array | null, n: number): SlotSet | null {
  if (keep === null) return set;
  if (set === null) return setOfBits(keep);
  if (set.bits) {
    const out = new Uint32Array(words(n));
    for (let w = 0; w < out.length; w++) out[w] = set.bits[w] & keep[w];
    return setOfBits(out);
  }
  const list = set.list!;
  const out: number[] = [];
  for (let i = 0; i < list.length; i++) if (hasBit(keep, list[i])) out.push(list[i]);
  return { list: Int32Array.from(out), bits: null, size: out.length };
}
