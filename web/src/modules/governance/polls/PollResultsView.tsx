import { useTranslation } from 'react-i18next';
import { Chart } from '../../../ui/Chart.tsx';
import { formatNumber } from '../../../ui/format.ts';
import type { PollResults } from './api.ts';

// Results: turnout in words, then votes per option as the project's bar chart with its table
// (screen readers read the table; "표로 보기" shows it to everyone).
export function PollResultsView({ results }: { results: PollResults }) {
  const { t } = useTranslation();
  return (
    <>
      <p>{t(results.final ? 'poll.resultsFinal' : 'poll.resultsLive')}</p>
      <p>
        {results.eligible !== null && results.turnoutPercent !== null
          ? t('poll.turnout', {
              voters: formatNumber(results.voters),
              eligible: formatNumber(results.eligible),
              percent: results.turnoutPercent,
            })
          : t('poll.turnoutUnknown', { voters: formatNumber(results.voters) })}
      </p>
      <Chart
        title={t('poll.chartTitle')}
        labels={results.options.map((o) => o.label)}
        series={[{ name: t('poll.tableVoters'), values: results.options.map((o) => o.votes) }]}
        format={(v) => t('poll.votes', { count: v, formatted: formatNumber(v) })}
        axisFormat={(v) => formatNumber(v)}
        horizontal
      />
    </>
  );
}
