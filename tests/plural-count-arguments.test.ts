import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// i18next picks a plural form (_one / _other) only when `count` is a number: given a formatted
// string ('1,204') it looks up the bare key, which does not exist, and the page shows the key itself
// ("process.proposalCount" on /governance/processes). Every counted key gets its number as a number.

const WEB = path.join(import.meta.dirname, '../web/src');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return files(full);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** The names of keys that have plural forms (`proposalCount_one: …` gives proposalCount). */
function pluralKeys(sources: string[]): Set<string> {
  const names = new Set<string>();
  for (const text of sources) for (const m of text.matchAll(/^\s*(\w+)_one:/gm)) names.add(m[1]);
  return names;
}

/** `t('a.key', { …, count: X, … })` calls whose key has plural forms and whose X is not a plain number. */
function stringCounts(source: string, plural: Set<string>): string[] {
  const found: string[] = [];
  for (const call of source.matchAll(/\bt\(\s*'([\w.]+)'\s*,\s*\{([^}]*)\}/g)) {
    const name = call[1].split('.').pop() ?? '';
    if (!plural.has(name)) continue;
    const count = /\bcount:\s*([^,]+)/.exec(call[2])?.[1].trim();
    if (count && /formatNumber\(|String\(|`|as unknown as|toLocaleString/.test(count))
      found.push(`${call[1]}: count: ${count}`);
  }
  return found;
}

describe('counted copy gets its count as a number', () => {
  const sources = new Map(files(WEB).map((f) => [path.relative(WEB, f), fs.readFileSync(f, 'utf8')]));
  const plural = pluralKeys([...sources.values()]);

  it('finds a formatted count (the check can fail)', () => {
    expect(plural.has('proposalCount')).toBe(true);
    expect(
      stringCounts("t('process.proposalCount', { count: formatNumber(n) as unknown as number })", plural),
    ).toEqual(['process.proposalCount: count: formatNumber(n) as unknown as number']);
    expect(stringCounts("t('process.proposalCount', { count: n })", plural)).toEqual([]);
  });

  it('no page passes a formatted string as the count of a counted key', () => {
    const found = [...sources].flatMap(([file, text]) =>
      stringCounts(text, plural).map((c) => `${file}: ${c}`),
    );
    expect(found).toEqual([]);
  });
});
