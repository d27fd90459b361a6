import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type PlaceCode, PlacePicture } from '../ui/Picture.tsx';
import './features.css';

/** The district's places for an area, each with its picture and a link to its facility details. */
export function PlaceCards({ places }: { places: PlaceCode[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="area-places" className="section">
      <h2 id="area-places">{t('places.title')}</h2>
      <ul className="offer-grid place-cards">
        {places.map((code) => (
          <li key={code} className="offer place-card">
            <PlacePicture code={code} />
            <h3 className="offer-heading">
              <Link to={`/administration/facilities#facility-${code}`} className="feature-link">
                {t(`places.${code}.name`)}
              </Link>
            </h3>
            <p>{t(`places.${code}.text`)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
