import type { BackendModule, ResourceKey } from 'i18next';

// Korean travels in the first download (it is also every missing word's fallback); English is a
// chunk of its own, loaded when the person reads English (at start, or when they switch). Page
// areas register their words with addMessages() (bundle.ts) whenever their code loads: their
// English waits here until the English catalogue has arrived, so that catalogue is still fetched
// (i18next loads a language only while it has no words at all in it).
export const englishWaiting: Record<string, ResourceKey> = {};

export const cataloguesOnDemand: BackendModule = {
  type: 'backend',
  init() {},
  read(language, _namespace, callback) {
    if (language !== 'en') return callback(null, {}); // Korean is bundled; nothing else exists
    import('./en.ts').then(
      ({ en }) => callback(null, merged(en, englishWaiting)),
      (err: Error) => callback(err, false),
    );
  },
};

type Tree = { [key: string]: unknown };
const isTree = (v: unknown): v is Tree => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `base` with `extra` laid over it, key by key at every depth (as addResourceBundle's deep merge). */
function merged(base: Tree, extra: Tree): Tree {
  const out: Tree = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const mine = out[key];
    out[key] = isTree(mine) && isTree(value) ? merged(mine, value) : value;
  }
  return out;
}
