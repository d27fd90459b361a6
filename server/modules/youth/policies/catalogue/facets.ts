import { SEOUL_DISTRICTS } from '../../../../../contracts/regions.ts';
import { POLICY_FIELDS, type PolicyField } from '../../../../../contracts/youth-policies.ts';
import { documentText } from '../../../../platform/search/tokens.ts';

// What the list's words also find besides a policy's document (title, keywords, summary, support):
// who runs it (운영기관 and 주관기관), the districts it is for, and its fields' names — so that
// '영등포' finds what 영등포구 runs and 'housing' (주거) every housing policy.

/**
 * A region list this long or longer is a whole province or the country: '영등포' would find every
 * such policy, so their districts are left to the region filter.
 */
const NARROW_REGIONS = 3;

// Hangul runs and plain Latin letters and digits: words that to_tsvector('simple', …) keeps exactly
// as they are, so the copy in memory and the SQL reference read the same lexemes from this text.
const PLAIN = /^(?:[\uac00-\ud7a3]+|[a-z0-9]+)$/;

export interface FacetSource {
  operator: string;
  supervisor: string;
  fieldMajor: string;
  fieldMinor: string;
  fields: readonly string[];
  regionCodes: readonly string[];
}

/** The facets as search words (space-separated, each a lexeme as to_tsvector('simple') makes it). */
export function facetDocument(p: FacetSource): string {
  const names: string[] = [p.operator, p.supervisor, p.fieldMajor, p.fieldMinor];
  for (const f of p.fields) {
    const label = POLICY_FIELDS[f as PolicyField];
    if (label) names.push(label.ko);
  }
  if (p.regionCodes.length <= NARROW_REGIONS)
    for (const code of p.regionCodes) {
      const district = SEOUL_DISTRICTS[code];
      if (district) names.push(district.ko, district.en);
    }
  return documentText(names.join(' '))
    .split(' ')
    .filter((w) => PLAIN.test(w))
    .join(' ');
}
