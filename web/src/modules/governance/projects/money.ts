import i18n from '../../../i18n/index.ts';
import { formatNumber } from '../../../ui/format.ts';

/**
 * An amount the district keeps in thousand won (천원), written as people say it: "1억 5,000만 원"
 * in Korean, "₩150 million" in English.
 */
export function readableWon(thousandWon: number): string {
  const won = thousandWon * 1000;
  if (i18n.language === 'en') {
    const short = (n: number) => String(Math.round(n * 10) / 10);
    if (won >= 1e9) return `₩${short(won / 1e9)} billion`;
    if (won >= 1e6) return `₩${short(won / 1e6)} million`;
    return `₩${formatNumber(won)}`;
  }
  const eok = Math.floor(won / 1e8);
  const man = Math.floor((won % 1e8) / 1e4);
  const rest = won % 1e4;
  const parts = [
    eok > 0 ? `${formatNumber(eok)}억` : '',
    man > 0 ? `${formatNumber(man)}만` : '',
    rest > 0 ? formatNumber(rest) : '',
  ].filter(Boolean);
  return parts.length === 0 ? '0원' : `${parts.join(' ')} 원`;
}

/** What share of the budget is spent, in whole per cent. */
export const spentPercent = (budget: number, spent: number) =>
  budget > 0 ? Math.round((spent / budget) * 100) : 0;
