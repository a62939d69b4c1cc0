import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './self-monitoring.css';

export type ChartSeries = { label: string; points: { at: number; value: number }[]; colour: string };
/**
 * A limit drawn on the chart: an urgent limit as a shaded zone beyond it (from/to in the
 * chart's unit; null = the chart's edge), any other (a target) as a dashed line in the
 * colour of the series it applies to.
 */
export type ChartBand = { from: number | null; to: number | null; label: string; zone: boolean; colour: string };

const DAY_S = 86_400;

/** The mean of the last 7 days at each point: the trend line. */
export function trendOf(points: { at: number; value: number }[]): (number | null)[] {
  return points.map((point, index) => {
    const window = points.slice(0, index + 1).filter((other) => point.at - other.at < 7 * DAY_S);
    return Math.round((window.reduce((sum, other) => sum + other.value, 0) / window.length) * 10) / 10;
  });
}

/**
 * A time-series chart (uPlot, canvas) of one or two series with their 7-day trend and the
 * limits as shaded bands. uPlot sizes its elements through the CSSOM, which the strict CSP
 * allows; its stylesheet is bundled. The canvas is decorative for screen readers: the
 * figure has a text summary, and the values are in a table beside it.
 */
const timeFormats = {
  sv: { day: new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'short' }), time: new Intl.DateTimeFormat('sv-SE', { hour: '2-digit', minute: '2-digit' }), full: new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }) },
  en: { day: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' }), time: new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' }), full: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }) },
};

export function MonitoringChart({ title, unit, series, bands, summary, language }: { title: string; unit: string; series: ChartSeries[]; bands: ChartBand[]; summary: string; language: 'sv' | 'en' }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    // One x axis: every time any series has a value.
    const times = [...new Set(series.flatMap((s) => s.points.map((p) => p.at)))].sort((a, b) => a - b);
    const columns = series.flatMap((s) => {
      const byTime = new Map(s.points.map((p) => [p.at, p.value]));
      const trend = trendOf(s.points);
      const trendByTime = new Map(s.points.map((p, index) => [p.at, trend[index]!]));
      return [times.map((at) => byTime.get(at) ?? null), times.map((at) => trendByTime.get(at) ?? null)];
    });
    const values = series.flatMap((s) => s.points.map((p) => p.value));
    const limits = bands.flatMap((band) => [band.from, band.to]).filter((v): v is number => v !== null);
    const low = Math.min(...values, ...limits);
    const high = Math.max(...values, ...limits);
    const margin = Math.max((high - low) * 0.1, 1);
    const options: uPlot.Options = {
      width: Math.max(element.clientWidth, 280),
      height: 220,
      legend: { show: true },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: true }, y: { range: [Math.floor(low - margin), Math.ceil(high + margin)] } },
      axes: [
        {
          space: 70,
          // Midnight as the date, other ticks as the time of day (in the browser's zone).
          values: (_chart, splits) =>
            splits.map((at) => {
              const date = new Date(at * 1000);
              return date.getHours() === 0 && date.getMinutes() === 0 ? timeFormats[language].day.format(date) : timeFormats[language].time.format(date);
            }),
        },
        { label: unit, size: 56 },
      ],
      series: [
        { label: language === 'sv' ? 'Tid' : 'Time', value: (_chart, at) => (at === null ? '–' : timeFormats[language].full.format(new Date(at * 1000))) },
        ...series.flatMap((s) => [
          { label: s.label, stroke: s.colour, width: 2, points: { show: true, size: 6, fill: s.colour }, spanGaps: true },
          { label: `${s.label} (7 d)`, stroke: s.colour, width: 1, dash: [6, 4], points: { show: false }, spanGaps: true },
        ]),
      ],
      hooks: {
        drawClear: [
          (chart) => {
            const context = chart.ctx;
            context.save();
            const [min, max] = [chart.scales.y?.min ?? 0, chart.scales.y?.max ?? 0];
            for (const band of bands.filter((candidate) => candidate.zone)) {
              context.fillStyle = 'rgba(180, 35, 24, 0.12)';
              const top = chart.valToPos(Math.min(band.to ?? max, max), 'y', true);
              const bottom = chart.valToPos(Math.max(band.from ?? min, min), 'y', true);
              if (bottom > top) context.fillRect(chart.bbox.left, top, chart.bbox.width, bottom - top);
            }
            for (const band of bands.filter((candidate) => !candidate.zone)) {
              const value = band.from ?? band.to;
              if (value === null || value < min || value > max) continue;
              const y = chart.valToPos(value, 'y', true);
              context.strokeStyle = band.colour;
              context.lineWidth = 2 * devicePixelRatio;
              context.setLineDash([2 * devicePixelRatio, 3 * devicePixelRatio]);
              context.beginPath();
              context.moveTo(chart.bbox.left, y);
              context.lineTo(chart.bbox.left + chart.bbox.width, y);
              context.stroke();
            }
            context.restore();
          },
        ],
      },
    };
    const chart = new uPlot(options, [times, ...columns] as uPlot.AlignedData, element);
    const observer = new ResizeObserver(() => chart.setSize({ width: Math.max(element.clientWidth, 280), height: 220 }));
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.destroy();
    };
  }, [series, bands, unit, language]);
  return (
    <figure className="monitoring-chart">
      <figcaption>
        <strong>{title}</strong> <span className="muted">{summary}</span>
        {bands.length > 0 && (
          <ul className="monitoring-chart__limits">
            {bands.map((band) => (
              <li key={band.label}>
                <span className={band.zone ? 'monitoring-chart__key monitoring-chart__key--zone' : 'monitoring-chart__key monitoring-chart__key--line'} aria-hidden="true" /> {band.label}
              </li>
            ))}
          </ul>
        )}
      </figcaption>
      <div ref={container} className="monitoring-chart__canvas" aria-hidden="true" />
    </figure>
  );
}
