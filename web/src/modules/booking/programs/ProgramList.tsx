import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  PROGRAM_AREAS,
  PROGRAM_KINDS,
  type ProgramArea,
  type ProgramKind,
} from '../../../../../contracts/booking-programs.ts';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { SelectField } from '../../../ui/Field.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { Page } from '../../../ui/Page.tsx';
import { PrevNextPager, useCursorPages } from '../../../ui/Pager.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { usePrograms } from './api.ts';
import '../booking.css';
import '../messages.ts';
import './messages.ts';

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | '' =>
  values.includes(value as T) ? (value as T) : '';

// 강좌·행사: the programs still to come, filtered by area and kind, each a link to its page. A link
// may choose the first filter (the 협치 page's town halls: ?area=governance&kind=town_hall).
export default function ProgramList() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [area, setArea] = useState<ProgramArea | ''>(() => oneOf(PROGRAM_AREAS, params.get('area')));
  const [kind, setKind] = useState<ProgramKind | ''>(() => oneOf(PROGRAM_KINDS, params.get('kind')));
  const pages = useCursorPages();
  const programs = usePrograms(area, kind, pages.cursor);
  return (
    <Page
      title={t('programs.title')}
      lead={t('programs.lead')}
      crumbs={[{ to: '/booking', label: t('booking.title') }]}
    >
      <p>
        <Link to="/booking/programs/mine">{t('programs.mine.link')}</Link>
      </p>
      <div className="button-row">
        <SelectField
          label={t('programs.area')}
          value={area}
          onChange={(e) => {
            setArea(e.target.value as ProgramArea | '');
            pages.reset();
          }}
        >
          <option value="">{t('programs.all')}</option>
          {PROGRAM_AREAS.map((a) => (
            <option key={a} value={a}>
              {t(`programs.areas.${a}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('programs.kindLabel')}
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as ProgramKind | '');
            pages.reset();
          }}
        >
          <option value="">{t('programs.all')}</option>
          {PROGRAM_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`programs.kind.${k}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <QueryState query={programs} loading={{ cards: 3 }}>
        {(data) => {
          const items = data.items;
          if (items.length === 0)
            return (
              <EmptyState
                icon="calendar"
                title={t('programs.none')}
                text={t('programs.noneText')}
                headingLevel={2}
              />
            );
          return (
            <>
              <ul className="booking-list">
                {items.map((p) => (
                  <li key={p.id} className="booking-item">
                    <h2 className="card-title">
                      <Link to={`/booking/programs/${p.id}`}>{p.title}</Link>{' '}
                      {p.sample && <span className="badge">{t('programs.sample')}</span>}
                    </h2>
                    <p>
                      {t(`programs.areas.${p.area}`)} · {t(`programs.kind.${p.kind}`)}
                      {p.mode === 'lottery' ? ` · ${t('programs.lottery')}` : ''}
                      {p.firstSession ? ` · ${formatDateTime(p.firstSession)}` : ''}
                    </p>
                    <p>
                      {t('programs.seats', { capacity: p.capacity, left: p.seatsLeft })}
                      {p.waiting > 0 ? ` · ${t('programs.waiting', { count: p.waiting })}` : ''}
                    </p>
                  </li>
                ))}
              </ul>
              <PrevNextPager
                page={pages.page}
                shown={items.length}
                nextCursor={data.nextCursor}
                loading={programs.isFetching}
                onPrevious={pages.previous}
                onNext={pages.next}
              />
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}
