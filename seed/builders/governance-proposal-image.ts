import { and, eq, isNull } from 'drizzle-orm';
import { governanceProposals } from '../../server/modules/governance/proposals/tables.ts';
import type { DbOrTx } from '../../server/platform/db/connect.ts';
import { encodePng } from '../../server/platform/media/png.ts';
import { storeSampleImage } from './sample-image.ts';

// A SAMPLE image for one demo proposal (issue 11: a proposal may carry one image): a flat illustration
// of a riverside path with a shade canopy and a bench, drawn here in code and encoded as a PNG (no
// image is downloaded), its alt text saying it is an example (예시). Added once: a proposal that
// already has an image is left as it is.

export const ILLUSTRATED_PROPOSAL_TITLE = '하천 산책로에 그늘막과 쉼터 의자를 놓아 주십시오';
const WIDTH = 480;
const HEIGHT = 300;
const ALT_KO =
  '예시 그림: 하천 옆 산책로에 초록색 그늘막과 나무 의자가 놓인 모습을 그린 그림입니다. 실제 사진이 아닙니다.';
const ALT_EN =
  'Sample illustration: a riverside path with a green shade canopy and a wooden bench. Not a real photo.';

/** The riverside path, its shade canopy and bench, as a PNG. */
export function riversidePng(): Buffer {
  const inRect = (x: number, y: number, x0: number, y0: number, x1: number, y1: number) =>
    x >= x0 && x < x1 && y >= y0 && y < y1;
  return encodePng(WIDTH, HEIGHT, (x, y) => {
    if ((x - 80) ** 2 + (y - 55) ** 2 <= 26 * 26) return [255, 206, 92]; // the sun
    // The canopy: a sloped green roof on two posts, its shadow on the path.
    const roofTop = 110 - Math.round((x - 250) / 8);
    if (x >= 250 && x < 420 && y >= roofTop && y < roofTop + 18) return [46, 139, 87];
    if (inRect(x, y, 262, 120, 268, 232) || inRect(x, y, 402, 100, 408, 232)) return [90, 90, 96];
    // The bench under it: seat, back and legs.
    if (inRect(x, y, 290, 196, 380, 204) || inRect(x, y, 290, 176, 380, 184)) return [150, 98, 58];
    if (inRect(x, y, 296, 204, 302, 226) || inRect(x, y, 368, 204, 374, 226)) return [110, 72, 44];
    if (y >= 150 && y < 175) return [70, 140, 200]; // the river
    if (y >= 150 && y < 180) return [120, 170, 110]; // the bank
    if (y >= 180 && y < 250) return x >= 250 && x < 420 && y >= 226 ? [196, 180, 150] : [222, 204, 170]; // the path
    if (y >= 250) return [110, 168, 96]; // grass
    if (y >= 135) return [120, 170, 110]; // the far bank
    return [206, 230, 250]; // sky
  });
}

/** Attaches the sample image to the sample proposal of the process, unless it has one. */
export async function buildSampleProposalImage(tx: DbOrTx, organizationId: string, processId: string) {
  const P = governanceProposals;
  const [proposal] = await tx
    .select({ id: P.id })
    .from(P)
    .where(
      and(
        eq(P.organizationId, organizationId),
        eq(P.processId, processId),
        eq(P.isSample, true),
        eq(P.title, ILLUSTRATED_PROPOSAL_TITLE),
        isNull(P.imageId),
      ),
    );
  if (!proposal) return;
  const id = await storeSampleImage(tx, organizationId, riversidePng(), { altKo: ALT_KO, altEn: ALT_EN });
  await tx.update(P).set({ imageId: id }).where(eq(P.id, proposal.id));
}
