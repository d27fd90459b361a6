import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../ui/format.ts';
import { type MyRegistration, type Program, useDraw } from './api.ts';
import './admin-messages.ts';

// On a drawn lottery's page: when it was drawn, with which seed (anyone can draw again with it and
// get the same order), and where the signed-in person came out — a place or their waiting number.
export function LotteryOutcome({ program: p, mine }: { program: Program; mine: MyRegistration[] | null }) {
  const { t } = useTranslation();
  const draw = useDraw(p.id, p.mode === 'lottery' && p.drawn);
  if (p.mode !== 'lottery' || !p.drawn || !draw.data) return null;
  const d = draw.data;
  const ids = new Set((mine ?? []).filter((r) => r.programId === p.id).map((r) => r.id));
  const won = d.winners.findIndex((w) => ids.has(w));
  const waiting = d.waitingList.findIndex((w) => ids.has(w));
  return (
    <section className="card" aria-labelledby="lottery-outcome">
      <h2 id="lottery-outcome" className="card-title">
        {t('programAdmin.outcomeTitle')}
      </h2>
      <p className="draw-seed">
        {t('programAdmin.outcomeDone', { at: formatDateTime(d.drawnAt), seed: d.seed })}
      </p>
      <p className="note">{t('programAdmin.outcomeNote')}</p>
      {mine !== null && (
        <p>
          <strong>
            {won >= 0
              ? t('programAdmin.outcomeWinner', { rank: won + 1 })
              : waiting >= 0
                ? t('programAdmin.outcomeWaiting', { rank: waiting + 1 })
                : t('programAdmin.outcomeNone')}
          </strong>
        </p>
      )}
    </section>
  );
}
