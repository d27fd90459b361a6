import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../cli.ts';
import { adjustedRandIndex, overlap } from './agreement.ts';
import { consensusStatements, groupInformedConsensus } from './consensus.ts';
import { groupCounts } from './counts.ts';
import { computeMap } from './map.ts';
import { columnsOf, type VoteEvent } from './matrix.ts';
import { exportOptions, type MapJson, mapJson, readPolisExport, writePolisExport } from './polis-format.ts';
import { seededRandom } from './random.ts';

// The two real Pol.is conversations in tests/fixtures/polis (CC BY 4.0, see its README): how far
// our one-shot recompute agrees with the groups Pol.is itself published. Pol.is recomputes
// incrementally (warm starts, sticky participants), so labels cannot match exactly; thresholds
// sit below what this implementation measures (ARI 0.812 and 0.776; top-5 GIC overlap 1.0 and 0.8).

const FIXTURES = path.resolve(import.meta.dirname, '../../../../tests/fixtures/polis');

// A conversation's export as Pol.is writes it: the repository keeps a large file gzipped (the
// 2019 votes.csv is 1.5 MB), so it is unpacked into a temporary copy, once per conversation.
const unpacked = new Map<string, Promise<string>>();
function conversationDir(name: string): Promise<string> {
  let dir = unpacked.get(name);
  if (!dir) {
    dir = (async () => {
      const to = await mkdtemp(path.join(tmpdir(), `polis-${name}-`));
      await cp(path.join(FIXTURES, name), to, { recursive: true });
      for (const file of await readdir(to))
        if (file.endsWith('.gz'))
          await writeFile(path.join(to, file.slice(0, -3)), gunzipSync(await readFile(path.join(to, file))));
      return to;
    })();
    unpacked.set(name, dir);
  }
  return dir;
}

const top5 = (g: Float64Array) =>
  Array.from(g.keys())
    .sort((a, b) => g[b]! - g[a]! || a - b)
    .slice(0, 5);

async function measure(conversation: string) {
  const data = await readPolisExport(await conversationDir(conversation));
  const map = computeMap(data.votes, exportOptions(data));
  const ids = map.matrix.participantIds;
  const polis = Int32Array.from(ids, (id) => data.polisGroups.get(id) ?? -1);
  const polisCounts = groupCounts(map.matrix, polis, Math.max(...polis) + 1);
  const polisGic = groupInformedConsensus(polisCounts);
  return {
    data,
    map,
    ari: adjustedRandIndex(Array.from(map.group), Array.from(polis)),
    gicOverlap: overlap(top5(map.groupInformedConsensus), top5(polisGic)),
    consensus: map.consensus,
    polisConsensus: consensusStatements(polisCounts, polisGic),
    polisGroups: polisCounts.groups,
  };
}

describe('real Pol.is conversations', () => {
  it("scoop-hivemind.biodiversity (2019): Pol.is's two groups, ARI ≥ 0.75, the same top-5 consensus", async () => {
    const m = await measure('scoop-hivemind.biodiversity');
    expect(m.map.matrix.participantIds.length).toBe(529); // 536 voters, 7 only on moderated-out statements
    expect(m.map.matrix.commentIds.length).toBe(154); // 314 statements less those moderated out
    expect(m.map.groups.length).toBe(m.polisGroups);
    expect(m.ari).toBeGreaterThanOrEqual(0.75);
    expect(m.gicOverlap).toBeGreaterThanOrEqual(0.8);
    expect(m.consensus.length).toBe(5);
    expect(overlap(m.polisConsensus, m.consensus)).toBeGreaterThanOrEqual(0.8);
    // Neither export has a group-informed-consensus column to compare with.
    expect(m.data.comments.every((c) => c.groupInformedConsensus === null)).toBe(true);
  });

  it('15-per-hour-seattle (2014): two groups, ARI ≥ 0.65, top-5 GIC overlap ≥ 0.6', async () => {
    const m = await measure('15-per-hour-seattle');
    expect(m.map.groups.length).toBe(m.polisGroups);
    expect(m.ari).toBeGreaterThanOrEqual(0.65);
    expect(m.gicOverlap).toBeGreaterThanOrEqual(0.6);
    // No statement has a majority of both groups; Pol.is's groups agree.
    expect(m.consensus).toEqual(m.polisConsensus);
  });

  it('gives the same map from the votes in another order', async () => {
    const data = await readPolisExport(await conversationDir('scoop-hivemind.biodiversity'));
    const v = data.votes;
    const events: VoteEvent[] = Array.from(v.vote, (vote, i) => ({
      participant: v.participantIds[v.participant[i]!]!,
      comment: v.commentIds[v.comment[i]!]!,
      vote: vote as VoteEvent['vote'],
      time: v.time[i]!,
    }));
    const random = seededRandom(11);
    for (let i = events.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [events[i], events[j]] = [events[j]!, events[i]!];
    }
    const a = mapJson(computeMap(v, exportOptions(data)));
    const b = mapJson(computeMap(columnsOf(events), exportOptions(data)));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('writes an export with our groups and consensus that reads back to the same map', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'hamkke-polis-'));
    try {
      const data = await readPolisExport(await conversationDir('15-per-hour-seattle'));
      const map = computeMap(data.votes, exportOptions(data));
      await writePolisExport(dir, data, map);
      const back = await readPolisExport(dir);
      const again = computeMap(back.votes, exportOptions(back));
      expect(JSON.stringify(mapJson(again))).toBe(JSON.stringify(mapJson(map)));
      // participants-votes.csv carries our group ids; comments.csv our group-informed consensus.
      map.matrix.participantIds.forEach((id, p) => {
        expect(back.polisGroups.get(id)).toBe(map.group[p]! >= 0 ? map.group[p] : null);
      });
      const col = new Map(map.matrix.commentIds.map((id, c) => [id, c]));
      for (const c of back.comments) {
        const i = col.get(c.id);
        if (i === undefined) expect(c.groupInformedConsensus).toBeNull();
        else expect(c.groupInformedConsensus).toBeCloseTo(map.groupInformedConsensus[i]!, 12);
      }
      const rows = parse(await readFile(path.join(dir, 'participants-votes.csv'), 'utf8'), { columns: true });
      expect(rows.length).toBe(map.matrix.participantIds.length);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('`deliberation map DIR --json` prints the map', async () => {
    const lines: string[] = [];
    const dir = await conversationDir('scoop-hivemind.biodiversity');
    expect(await runCli(['deliberation', 'map', dir, '--json'], (line) => lines.push(line))).toBe(0);
    const json = JSON.parse(lines.at(-1)!) as MapJson;
    const data = await readPolisExport(dir);
    expect(json).toEqual(mapJson(computeMap(data.votes, exportOptions(data)), data.votes.participantIds));
    expect(json.groups.map((g) => g.id)).toEqual([0, 1]);
    // Every voter: the 7 who voted only on moderated-out statements are there, without a group.
    expect(Object.keys(json.participants)).toHaveLength(536);
    expect(typeof json.consensus[0]).toBe('number');
    expect(json.groups[0]!.members.length + json.groups[1]!.members.length).toBe(
      Object.values(json.participants).filter((g) => g !== null).length,
    );
    expect(await runCli(['deliberation', 'map', path.join(FIXTURES, 'nowhere')], () => {})).toBe(1);
  });
});
