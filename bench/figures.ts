import fs from 'node:fs';
import path from 'node:path';

/** What the feature benchmarks share: nearest-rank percentiles, and their own section of BENCHMARKS.md. */
export type Figures = { count: number; p50: number; p95: number; p99: number; mean: number; max: number };

export function figures(samples: number[]): Figures {
  if (samples.length === 0) return { count: 0, p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, mean: Number.NaN, max: Number.NaN };
  const sorted = [...samples].sort((a, b) => a - b);
  // Nearest-rank percentiles.
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
  return { count: sorted.length, p50: rank(50), p95: rank(95), p99: rank(99), mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length, max: sorted.at(-1)! };
}

export const REPORT_FILE = path.resolve(import.meta.dirname, '..', 'BENCHMARKS.md');

/** The markers around a benchmark's section, e.g. <!-- case-inbox:results --> … <!-- /case-inbox:results -->. */
export function sectionMarkers(name: string) {
  return { start: `<!-- ${name}:results -->`, end: `<!-- /${name}:results -->` };
}

/** Replaces this benchmark's own section (between its markers), or appends it; the rest of the file stays as it is. */
export function writeSection(name: string, section: string, file = REPORT_FILE) {
  const { start: startMarker, end: endMarker } = sectionMarkers(name);
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = existing.indexOf(startMarker);
  const end = existing.indexOf(endMarker);
  const next = start !== -1 && end > start ? `${existing.slice(0, start)}${section}${existing.slice(end + endMarker.length)}` : `${existing.trimEnd()}\n\n${section}\n`;
  fs.writeFileSync(file, next);
}
