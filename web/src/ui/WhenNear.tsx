import { type ReactNode, useEffect, useRef, useState } from 'react';

const linkedTo = (anchor: string | undefined) =>
  anchor !== undefined && typeof location !== 'undefined' && location.hash === `#${anchor}`;

/**
 * Renders `children` only once its place on the page comes near the screen (or at once where the
 * browser cannot tell). A part far down a page, and the code it loads, then costs a phone nothing
 * while it opens the page; scrolling or tabbing towards it brings it in before it is reached.
 * A link to `#anchor` (a notification's "see the answer") renders it at once and scrolls to it: the
 * browser's own jump happened before the page's data, and so the anchor, existed.
 */
export function WhenNear({
  children,
  fallback,
  anchor,
}: {
  children: ReactNode;
  fallback: ReactNode;
  anchor?: string;
}) {
  const place = useRef<HTMLDivElement>(null);
  const [linked] = useState(() => linkedTo(anchor));
  const [near, setNear] = useState(() => linked || typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    if (linked && anchor) document.getElementById(anchor)?.scrollIntoView();
  }, [linked, anchor]);
  useEffect(() => {
    const el = place.current;
    if (near || !el) return;
    const watch = new IntersectionObserver((seen) => seen.some((e) => e.isIntersecting) && setNear(true), {
      rootMargin: '400px 0px',
    });
    watch.observe(el);
    return () => watch.disconnect();
  }, [near]);
  return near ? children : <div ref={place}>{fallback}</div>;
}
