import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Two badges written on consecutive lines of JSX have no space between them: the page shows
// "진행 중예시" run together and a screen reader reads one made-up word ("OpenSample" in English).
// Each badge followed by another ends with {' '}.

const WEB = path.join(import.meta.dirname, '../web/src');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return files(full);
    return e.name.endsWith('.tsx') ? [full] : [];
  });
}

const BADGE_LINE = /^\s*<span className="badge[^"]*">.*<\/span>$/;
const BADGE_NEXT = /^\s*(\{[^}]*&&\s*)?<span className="badge/;

describe('badges side by side', () => {
  it('have a space between them in every page', () => {
    const runTogether: string[] = [];
    for (const file of files(WEB)) {
      const lines = fs.readFileSync(file, 'utf8').split('\n');
      for (let i = 0; i + 1 < lines.length; i++)
        if (BADGE_LINE.test(lines[i]) && BADGE_NEXT.test(lines[i + 1]))
          runTogether.push(`${path.relative(WEB, file)}:${i + 1}`);
    }
    expect(runTogether).toEqual([]);
  });
});
