import centre from './art/social-economy-center.svg';
import school from './art/youth-architecture-school.svg';
import zone from './art/zero-gravity-zone.svg';
import './Picture.css';

// Light, hand-drawn SVG pictures of the district's places (we have no photographs), loaded as small
// image files: no script, cached, and only fetched when near the screen.
const PLACES = {
  'zero-gravity-zone': zone,
  'youth-architecture-school': school,
  'social-economy-center': centre,
} as const;

export type PlaceCode = keyof typeof PLACES;

export function hasPlacePicture(code: string): code is PlaceCode {
  return code in PLACES;
}

/** A place's picture; decorative (empty alt) because the name and text beside it say the same. */
export function PlacePicture({ code, className }: { code: PlaceCode; className?: string }) {
  return (
    <img
      className={['picture', className].filter(Boolean).join(' ')}
      src={PLACES[code]}
      alt=""
      width={320}
      height={180}
      loading="lazy"
      decoding="async"
    />
  );
}
