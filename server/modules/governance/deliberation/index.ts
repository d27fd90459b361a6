// The deliberation map (Pol.is's published method): what the rest of governance, the CLI and the
// benchmark use.
export { adjustedRandIndex, overlap } from './agreement.ts';
export { consensusStatements, divisiveStatements, groupInformedConsensus } from './consensus.ts';
export { type GroupCounts, groupCounts } from './counts.ts';
export { compareIds, idValue } from './ids.ts';
export { computeMap, computeMapFromMatrix, type DeliberationMap, type OpinionGroup } from './map.ts';
export { buildMatrix, columnsOf, type VoteColumns, type VoteEvent, type VoteMatrix } from './matrix.ts';
export {
  exportMatrix,
  exportOptions,
  type MapJson,
  mapJson,
  type PolisExport,
  readPolisExport,
  writePolisExport,
} from './polis-format.ts';
export { nextStatement } from './priority.ts';
