import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button.tsx';
import { formatCompact } from './format.ts';
import { Icon } from './Icon.tsx';
import { ResponsiveTable } from './ResponsiveTable.tsx';
import './Chart.css';
import './Table.css';

export interface ChartSeries {
  name: string;
  values: number[];
}

export interface ChartProps {
  /** What the chart shows; also the caption of its table. */
  title: string;
  /** One per bar group (the table's rows). */
  labels: string[];
  /** One per colour (the table's columns). */
  series: ChartSeries[];
  /** A value in the table and its column headers' unit, in full ("1,234천원"). */
  format: (value: number) => string;
  /** A value on the axis, short ("1.2억"); Korean compact numbers by default. */
  axisFormat?: (value: number) => string;
  /** Bars along the page (long labels, phones), or stacked into one bar per label. */
  horizontal?: boolean;
  stacked?: boolean;
}

export type ChartDrawing = Omit<ChartProps, 'title' | 'format'> & {
  axisFormat: (value: number) => string;
};

/**
 * A bar chart with its table. The picture is drawn by Chartist (SVG), loaded only when a chart is
 * on screen, so pages without charts never fetch it; screen readers get the table (the drawing is
 * hidden from them), and "표로 보기" shows the table to everyone. Import this from chart pages only.
 */
export function Chart({
  title,
  labels,
  series,
  format,
  axisFormat = formatCompact,
  horizontal,
  stacked,
}: ChartProps) {
  const { t, i18n } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const canvas = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const tableId = useId();
  // Drawn again only when what it shows changes (pages pass fresh arrays on every render).
  const drawing = { labels, series, axisFormat, horizontal, stacked };
  const latest = useRef(drawing);
  latest.current = drawing;
  const shape = JSON.stringify([labels, series, horizontal, stacked, i18n.language]);
  useEffect(() => {
    const el = canvas.current;
    if (!el || asTable || !shape) return;
    let cleanup: (() => void) | undefined;
    let cancelled = false;
    const draw = () =>
      import('./chart/draw.ts').then(({ drawBarChart }) => {
        if (!cancelled) cleanup = drawBarChart(el, latest.current);
      });
    // Drawn when it comes near the screen: a chart further down costs a phone nothing while the page opens.
    const watch =
      typeof IntersectionObserver === 'undefined'
        ? undefined
        : new IntersectionObserver(
            (seen) => {
              if (!seen.some((e) => e.isIntersecting)) return;
              watch?.disconnect();
              draw();
            },
            { rootMargin: '200px 0px' },
          );
    if (watch) watch.observe(el);
    else draw();
    return () => {
      cancelled = true;
      watch?.disconnect();
      cleanup?.();
    };
  }, [asTable, shape]);

  const table = (
    <table className="table chart-table" id={tableId}>
      <caption>{t('ui.chart.tableOf', { title })}</caption>
      <thead>
        <tr>
          <td />
          {series.map((s) => (
            <th key={s.name} scope="col" className="num">
              {s.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {labels.map((label, row) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            {series.map((s) => (
              <td key={s.name} className="num">
                {format(s.values[row] ?? 0)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <figure className="chart" aria-labelledby={titleId}>
      <div className="chart-head">
        <figcaption id={titleId} className="chart-title">
          {title}
        </figcaption>
        <Button
          variant="tertiary"
          className="btn-small chart-toggle"
          aria-controls={tableId}
          onClick={() => setAsTable(!asTable)}
        >
          <Icon name={asTable ? 'chart' : 'table'} size="small" />
          {asTable ? t('ui.chart.showChart') : t('ui.chart.showTable')}
        </Button>
      </div>
      {asTable ? (
        <ResponsiveTable label={t('ui.chart.tableOf', { title })}>{table}</ResponsiveTable>
      ) : (
        <>
          {series.length > 1 && (
            <ul className="chart-legend" aria-hidden="true">
              {series.map((s, i) => (
                <li key={s.name}>
                  <span className={`chart-swatch chart-swatch-${i}`} />
                  {s.name}
                </li>
              ))}
            </ul>
          )}
          <div
            ref={canvas}
            className={[
              'chart-canvas',
              horizontal && 'chart-canvas-horizontal',
              series.length === 1 && 'chart-single',
            ]
              .filter(Boolean)
              .join(' ')}
            style={
              horizontal
                ? { height: `${4 + labels.length * (stacked ? 4.4 : 2.4 * series.length + 2)}rem` }
                : undefined
            }
            aria-hidden="true"
          />
          {/* The same figures for screen readers, which skip the drawing. */}
          <div className="visually-hidden">{table}</div>
        </>
      )}
    </figure>
  );
}
