import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PlaceWithResources } from '../../../../contracts/booking.ts';
import { useMe } from '../../api/session.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { Page } from '../../ui/Page.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { usePlaces } from './api.ts';
import { PhotoStrip } from './Photos.tsx';
import './booking.css';
import './messages.ts';

// 공간 예약: the places, their hours and their rooms, each a link to its day of free slots.
export default function BookingHome() {
  const { t } = useTranslation();
  const places = usePlaces();
  const me = useMe();
  return (
    <Page title={t('booking.title')} lead={t('booking.lead')}>
      <p className="link-list">
        {me.data && <Link to="/booking/mine">{t('booking.mine')}</Link>}{' '}
        <Link to="/booking/programs">{t('booking.programsLink')}</Link>
      </p>
      <QueryState query={places} loading={{ cards: 3 }}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState
              icon="calendar"
              title={t('booking.noPlaces')}
              text={t('booking.noPlacesText')}
              headingLevel={2}
            />
          ) : (
            data.items.map((place) => <PlaceSection key={place.id} place={place} />)
          )
        }
      </QueryState>
    </Page>
  );
}

function PlaceSection({ place }: { place: PlaceWithResources }) {
  const { t } = useTranslation();
  const days = t('booking.weekdays', { returnObjects: true }) as string[];
  // Monday first, as Korean timetables read.
  const week = [1, 2, 3, 4, 5, 6, 0];
  return (
    <section className="card" aria-labelledby={`place-${place.id}`}>
      <h2 id={`place-${place.id}`} className="card-title">
        {place.name} {place.sample && <span className="badge">{t('booking.sample')}</span>}
      </h2>
      <p className="card-subtitle">{place.address}</p>
      <PhotoStrip photos={place.photos} label={t('bookingPhotos.photos', { name: place.name })} />
      {place.description && <p>{place.description}</p>}
      <dl className="facts">
        <div>
          <dt>{t('booking.hours')}</dt>
          <dd>
            {week
              .map((w) => {
                const h = place.hours.find((x) => x.weekday === w);
                return `${days[w]} ${h ? `${h.opens}–${h.closes}` : t('booking.closedOn')}`;
              })
              .join(' · ')}
          </dd>
        </div>
      </dl>
      <ul className="booking-resources">
        {place.resources.map((r) => (
          <li key={r.id}>
            <Link to={`/booking/resources/${r.id}`}>
              <strong>{r.name}</strong>
              <br />
              <span>
                {t(`booking.kind.${r.kind}`)} · {t('booking.capacity', { count: r.capacity })} ·{' '}
                {t(`booking.audience.${r.audience}`)}
                {r.approvalNeeded ? ` · ${t('booking.ruleApproval')}` : ''}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
