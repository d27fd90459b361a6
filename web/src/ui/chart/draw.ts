import { BarChart } from 'chartist';
import { CHART_HEIGHTS } from '../../../../contracts/chart-styles.ts';
import type { ChartDrawing } from '../Chart.tsx';
import './chartist.css';

// Chartist draws the bars as SVG into the chart's box; this file (and Chartist) is a chunk of its
// own, fetched the first time a chart is shown. Labels are the page's text (HTML in foreignObject),
// so they wrap and follow the page's font.
export function drawBarChart(el: HTMLElement, d: ChartDrawing): () => void {
  const valueAxis = {
    labelInterpolationFnc: (value: string | number) => d.axisFormat(Number(value)),
    onlyInteger: true,
    offset: d.horizontal ? 24 : 64,
    scaleMinSpace: d.horizontal ? 64 : 32,
    labelOffset: d.horizontal ? { x: 0, y: 0 } : { x: 0, y: 8 },
  };
  const labelAxis = { showGrid: false, offset: d.horizontal ? 112 : 40 };
  // Chartist lays horizontal bars out from the bottom: turn the labels over so the first is on top
  // (its reverseData would turn the series over too, and their colours would no longer match the legend).
  // Each series keeps its colour class by its place in the legend, so within a group the bars can
  // be turned over too (the legend's first on top).
  const flip = <T>(xs: T[]) => (d.horizontal ? [...xs].reverse() : xs);
  const series = d.series.map((s, i) => ({
    name: s.name,
    data: flip(s.values),
    className: `ct-series-${'abcdefgh'[i]}`,
  }));
  const chart = new BarChart(
    el,
    { labels: flip(d.labels), series: d.horizontal && !d.stacked ? series.reverse() : series },
    {
      horizontalBars: d.horizontal,
      stackBars: d.stacked,
      seriesBarDistance: d.horizontal ? 22 : 18,
      // Only these sizes: the CSP allows Chartist's style attributes by their exact text.
      height: d.horizontal ? CHART_HEIGHTS.horizontal : CHART_HEIGHTS.vertical,
      chartPadding: { top: 16, right: 24, bottom: 8, left: 8 },
      axisX: d.horizontal ? valueAxis : labelAxis,
      axisY: d.horizontal ? labelAxis : valueAxis,
    },
  );
  return () => chart.detach();
}
