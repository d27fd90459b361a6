import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpinionMap } from './api.ts';
import { mapSummary } from './counts.ts';

type MapStatement = OpinionMap['consensus'][number];
const pct = (share: number) => Math.round(share * 100);

/** A group's name in words (가, 나, 다… / A, B, C…), never its number. */
export function useGroupName() {
  const { t } = useTranslation();
  return (group: number) => t('deliberation.group', { name: t(`deliberation.groupNames.${group}`) });
}

/** One mark per group: circle, square, triangle, diamond, cross; colour and shape both tell groups apart. */
function Mark({ x, y, group, r }: { x: number; y: number; group: number | null; r: number }) {
  const className = `deliberation-dot ${group === null ? 'is-ungrouped' : `is-group-${group}`}`;
  switch (group) {
    case 1:
      return <rect className={className} x={x - r} y={y - r} width={2 * r} height={2 * r} />;
    case 2:
      return (
        <polygon
          className={className}
          points={`${x},${y - r * 1.2} ${x + r * 1.1},${y + r} ${x - r * 1.1},${y + r}`}
        />
      );
    case 3:
      return (
        <polygon
          className={className}
          points={`${x},${y - r * 1.3} ${x + r * 1.3},${y} ${x},${y + r * 1.3} ${x - r * 1.3},${y}`}
        />
      );
    default:
      return <circle className={className} cx={x} cy={y} r={r} />;
  }
}

function StatementShares({ s, direction }: { s: MapStatement; direction?: 'agree' | 'disagree' }) {
  const { t } = useTranslation();
  return (
    <>
      <span className="deliberation-statement-text">{s.text}</span>{' '}
      <span className="deliberation-shares">
        {direction === 'disagree'
          ? t('deliberation.disagreeShare', { share: pct(s.disagree) })
          : t('deliberation.agreeShare', { share: pct(s.agree) })}
      </span>
    </>
  );
}

// The opinion map: participants as marks by group on the map's two axes ("you are here" for the
// signed-in person), then the same in words: each group with its size and representative statements,
// the statements agreed across groups and those that divide.
export function OpinionMapView({ map }: { map: OpinionMap }) {
  const { t } = useTranslation();
  const groupName = useGroupName();
  const titleId = useId();
  const size = 100;
  const at = (v: number) => (v * 0.9 + 1) * (size / 2);
  if (map.points.length === 0) return <p>{t('deliberation.mapEmpty')}</p>;
  return (
    <>
      <p>{mapSummary(t, { participants: map.participants, votes: map.votes, groups: map.groups.length })}</p>
      <p className="deliberation-me" data-testid="deliberation-me">
        {map.me
          ? map.me.group !== null
            ? t('deliberation.youAreHere', { group: groupName(map.me.group) })
            : t('deliberation.youUngrouped', { voted: map.me.voted })
          : t('deliberation.youNotYet')}
      </p>
      <figure className="deliberation-map">
        <svg viewBox={`0 0 ${size} ${size}`} role="img" aria-labelledby={titleId}>
          <title id={titleId}>{t('deliberation.mapFigure', { count: map.participants })}</title>
          <line className="deliberation-axis" x1={size / 2} y1={2} x2={size / 2} y2={size - 2} />
          <line className="deliberation-axis" x1={2} y1={size / 2} x2={size - 2} y2={size / 2} />
          {map.points.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the points are in a fixed order and never reorder
            <Mark key={i} x={at(p.x)} y={at(-p.y)} group={p.group} r={1.4} />
          ))}
          {map.me && (
            <g className="deliberation-you">
              <circle cx={at(map.me.x)} cy={at(-map.me.y)} r={3.6} />
              <text x={at(map.me.x)} y={at(-map.me.y) - 5} textAnchor="middle">
                {t('deliberation.you')}
              </text>
            </g>
          )}
        </svg>
        <figcaption>{t('deliberation.mapLead')}</figcaption>
      </figure>
      {map.groups.map((g) => (
        <section key={g.id} className="deliberation-group" aria-labelledby={`${titleId}-g${g.id}`}>
          <h3 id={`${titleId}-g${g.id}`}>
            <svg className="deliberation-legend" viewBox="0 0 10 10" aria-hidden="true">
              <Mark x={5} y={5} group={g.id} r={3.5} />
            </svg>{' '}
            {groupName(g.id)} <span className="badge">{t('deliberation.groupSize', { count: g.size })}</span>
          </h3>
          <p className="deliberation-subtitle">{t('deliberation.representative')}</p>
          <ul className="deliberation-statements">
            {g.representative.map((s) => (
              <li key={s.id}>
                <StatementShares s={s} direction={s.direction} />
              </li>
            ))}
          </ul>
        </section>
      ))}
      <h3>{t('deliberation.consensusTitle')}</h3>
      {map.consensus.length === 0 ? (
        <p>{t('deliberation.consensusNone')}</p>
      ) : (
        <ul className="deliberation-statements">
          {map.consensus.map((s) => (
            <li key={s.id}>
              <StatementShares s={s} />
            </li>
          ))}
        </ul>
      )}
      {map.divisive.length > 0 && (
        <>
          <h3>{t('deliberation.divisiveTitle')}</h3>
          <ul className="deliberation-statements">
            {map.divisive.map((s) => (
              <li key={s.id}>
                <span className="deliberation-statement-text">{s.text}</span>{' '}
                <span className="deliberation-shares">
                  {t('deliberation.agreeShare', { share: pct(s.agree) })} ·{' '}
                  {t('deliberation.disagreeShare', { share: pct(s.disagree) })}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
