/**
 * The target backtest written out: Markdown tables (for the terminal and the README) and a small
 * SVG chart, both made from one BacktestResult so that they always agree with it.
 */
import { TreatyStatus, VoteChoice } from '../common/enums.js';
import {
  backtest,
  backtestYear,
  FIT_UNTIL_YEAR,
  pooledRankMetrics,
  type BacktestState,
  type BacktestYear,
  type BacktestOrderings,
  type BacktestRecord,
  type BacktestResult,
  type BacktestSummary,
  type RankMetrics,
} from './backtest.js';
import { PUBLIC_RECORD_FACTORS, WEIGHTS, type PublicRecordWeights } from './score.js';

const ORDERINGS = ['score', 'yesShare', 'random'] as const;
const ORDERING_NAMES: Record<(typeof ORDERINGS)[number], string> = { score: 'score', yesShare: 'yes share', random: 'random' };

const percent = (value: number | null) => (value === null ? '–' : `${Math.round(value * 100)}%`);
const auc = (value: number | null, digits = 2) => (value === null ? '–' : value.toFixed(digits));
const place = (rank: number) => (Number.isInteger(rank) ? String(rank) : rank.toFixed(1));

function triple(metrics: BacktestOrderings<RankMetrics>, pick: (m: RankMetrics) => string): string {
  return ORDERINGS.map((ordering) => pick(metrics[ordering])).join(' / ');
}

function metricCells(metrics: BacktestOrderings<RankMetrics>): string[] {
  return [
    triple(metrics, (m) => percent(m.shareTop10)),
    triple(metrics, (m) => percent(m.shareTopQuartile)),
    triple(metrics, (m) => auc(m.rocAuc)),
  ];
}

function summaryRow(label: string, summary: BacktestSummary | null): string | null {
  if (!summary) return null;
  return `| ${label} | ${summary.candidates} | ${summary.joiners} | ${metricCells(summary.metrics).join(' | ')} |`;
}

const span = (s: BacktestSummary) => (s.firstYear === s.lastYear ? String(s.firstYear) : `${s.firstYear}–${s.lastYear}`);

/** The backtest as Markdown: what was run, then one row per year and the pooled rows. */
export function backtestMarkdown(result: BacktestResult): string {
  const head = ORDERINGS.map((o) => ORDERING_NAMES[o]).join(' / ');
  const lines = [
    `Lists as of 1 January of ${result.from}–${result.to}; a joiner deposited its instrument within ${result.horizonYears} years` +
      ` (treaty record as of ${result.recordAsOf}). Factors: ${PUBLIC_RECORD_FACTORS.map((f) => `\`${f}\``).join(', ')}.` +
      ` Weights fixed on the years up to ${FIT_UNTIL_YEAR}; the later years are held out.`,
    '',
    `| year | States not Party | joiners (place by score) | top 10: ${head} | top quartile: ${head} | ROC AUC: ${head} |`,
    '| --- | ---: | --- | --- | --- | --- |',
  ];
  for (const year of result.years) {
    const joiners = year.entries.filter((entry) => entry.depositedOn !== null);
    const names = joiners.map((entry) => `${entry.state.name} ${place(entry.rank)}`).join(', ');
    lines.push(
      `| ${year.year} | ${year.entries.length} | ${joiners.length}${names ? `: ${names}` : ''} | ${metricCells(year.metrics).join(' | ')} |`,
    );
  }
  const rows = [
    result.fitted && summaryRow(`**${span(result.fitted)} (fit)**`, result.fitted),
    result.heldOut && summaryRow(`**${span(result.heldOut)} (held out)**`, result.heldOut),
    summaryRow(`**all years**`, result.overall),
  ].filter((row): row is string => row !== null);
  lines.push(...rows);
  return `${lines.join('\n')}\n`;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const COLOURS: Record<(typeof ORDERINGS)[number], string> = { score: '#1c7ed6', yesShare: '#e8590c', random: '#868e96' };

/** One panel: a metric per year for each ordering, with the fit / held-out divide. */
function panel(
  result: BacktestResult,
  x0: number,
  title: string,
  pick: (m: RankMetrics) => number | null,
  yMin: number,
  yMax: number,
): string {
  const width = 300;
  const height = 180;
  const top = 40;
  const left = x0 + 40;
  const plotWidth = width - 55;
  const years = result.years.map((y) => y.year);
  const xOf = (year: number) =>
    left + (years.length === 1 ? plotWidth / 2 : ((year - years[0]) / (years[years.length - 1] - years[0])) * plotWidth);
  const yOf = (value: number) => top + height - ((value - yMin) / (yMax - yMin)) * height;
  const parts: string[] = [`<text x="${left}" y="${top - 14}" class="title">${escapeXml(title)}</text>`];
  for (let tick = 0; tick <= 4; tick++) {
    const value = yMin + ((yMax - yMin) * tick) / 4;
    const y = yOf(value).toFixed(1);
    parts.push(`<line x1="${left}" x2="${left + plotWidth}" y1="${y}" y2="${y}" class="grid"/>`);
    parts.push(
      `<text x="${left - 6}" y="${y}" class="tick" text-anchor="end" dominant-baseline="middle">${value.toFixed(2).replace(/0$/, '')}</text>`,
    );
  }
  for (const year of years) {
    parts.push(
      `<text x="${xOf(year).toFixed(1)}" y="${top + height + 16}" class="tick" text-anchor="middle">${year % 100 === 0 ? year : `’${String(year % 100).padStart(2, '0')}`}</text>`,
    );
  }
  if (years[0] <= FIT_UNTIL_YEAR && years[years.length - 1] > FIT_UNTIL_YEAR) {
    const divide = (xOf(FIT_UNTIL_YEAR) + xOf(FIT_UNTIL_YEAR + 1)) / 2;
    parts.push(`<line x1="${divide.toFixed(1)}" x2="${divide.toFixed(1)}" y1="${top}" y2="${top + height}" class="divide"/>`);
    parts.push(`<text x="${(divide - 4).toFixed(1)}" y="${top + 10}" class="tick" text-anchor="end">fit</text>`);
    parts.push(`<text x="${(divide + 4).toFixed(1)}" y="${top + 10}" class="tick">held out</text>`);
  }
  for (const ordering of ORDERINGS) {
    const points = result.years
      .map((year) => ({ year: year.year, value: pick(year.metrics[ordering]) }))
      .filter((p): p is { year: number; value: number } => p.value !== null)
      .map((p) => `${xOf(p.year).toFixed(1)},${yOf(Math.min(yMax, Math.max(yMin, p.value))).toFixed(1)}`);
    if (points.length === 0) continue;
    parts.push(
      `<polyline points="${points.join(' ')}" fill="none" stroke="${COLOURS[ordering]}" stroke-width="2"${ordering === 'random' ? ' stroke-dasharray="4 3"' : ''}/>`,
    );
    for (const point of points) {
      const [cx, cy] = point.split(',');
      parts.push(`<circle cx="${cx}" cy="${cy}" r="2.5" fill="${COLOURS[ordering]}"/>`);
    }
  }
  return parts.join('\n');
}

/** A small chart: ROC AUC and the share of joiners in the top quartile, per year, for the score and both baselines. */
export function backtestSvg(result: BacktestResult): string {
  const legend = ORDERINGS.map((ordering, i) => {
    const x = 40 + i * 130;
    const dash = ordering === 'random' ? ' stroke-dasharray="4 3"' : '';
    const label = ordering === 'random' ? 'random (expected)' : ORDERING_NAMES[ordering];
    return `<line x1="${x}" x2="${x + 24}" y1="262" y2="262" stroke="${COLOURS[ordering]}" stroke-width="2"${dash}/><text x="${x + 30}" y="266" class="tick">${label}</text>`;
  }).join('\n');
  const title = `Target backtest: lists of 1 January, deposits within ${result.horizonYears} years (treaty record as of ${result.recordAsOf})`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="280" viewBox="0 0 640 280" role="img" aria-label="${escapeXml(title)}">
<title>${escapeXml(title)}</title>
<style>
text { font-family: sans-serif; fill: #212529; }
.title { font-size: 13px; font-weight: bold; }
.tick { font-size: 10px; fill: #495057; }
.grid { stroke: #dee2e6; stroke-width: 1; }
.divide { stroke: #495057; stroke-width: 1; stroke-dasharray: 2 2; }
</style>
<rect width="640" height="280" fill="#ffffff"/>
${panel(result, 0, 'ROC AUC (0.5 is chance)', (m) => m.rocAuc, 0.2, 1)}
${panel(result, 320, 'Share of joiners in the top quartile', (m) => m.shareTopQuartile, 0, 1)}
${legend}
</svg>
`;
}

type WeightPath = readonly [keyof PublicRecordWeights] | readonly ['lastChoice', VoteChoice] | readonly ['treatyStatus', TreatyStatus];

/** The values each weight is tried at, one weight at a time, in the weight scan. */
const SCAN: readonly { path: WeightPath; values: readonly number[] }[] = [
  { path: ['yesShare'], values: [0, 15, 30, 45] },
  { path: ['consecutiveYes'], values: [0, 1, 2, 4] },
  { path: ['lastChoice', VoteChoice.YES], values: [0, 10, 20] },
  { path: ['lastChoice', VoteChoice.ABSTAIN], values: [-5, 0, 5] },
  { path: ['lastChoice', VoteChoice.NON_VOTING], values: [0, -3, -10] },
  { path: ['lastChoice', VoteChoice.NO], values: [0, -15, -30] },
  { path: ['treatyStatus', TreatyStatus.SIGNATORY], values: [0, 15, 25, 40, 60] },
];

function withWeight(weights: PublicRecordWeights, path: WeightPath, value: number): PublicRecordWeights {
  if (path.length === 1) return { ...weights, [path[0]]: value };
  const [group, key] = path;
  return { ...weights, [group]: { ...weights[group], [key]: value } };
}

function weightOf(weights: PublicRecordWeights, path: WeightPath): number {
  if (path.length === 1) return weights[path[0]] as number;
  const [group, key] = path;
  return (weights[group] as Record<string, number>)[key];
}

/**
 * The weight scan: each public-record weight moved alone to other values, with the pooled ROC AUC
 * and top-quartile share of the fitted years and, apart, of the held-out years. A weight that hurts
 * shows as another value doing better on the fitted years.
 */
export function weightScanMarkdown(
  record: BacktestRecord,
  from: number,
  to: number,
  horizonYears: number,
  weights: PublicRecordWeights = WEIGHTS,
): string {
  const lines = [
    `| weight | value | fit ${from}–${FIT_UNTIL_YEAR}: ROC AUC | top quartile | held out ${FIT_UNTIL_YEAR + 1}–${to}: ROC AUC | top quartile |`,
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const { path, values } of SCAN) {
    const current = weightOf(weights, path);
    for (const value of [...new Set([...values, current])].sort((a, b) => a - b)) {
      const result = backtest(record, from, to, horizonYears, withWeight(weights, path, value));
      const cells = [result.fitted, result.heldOut].flatMap((s) => [
        auc(s?.metrics.score.rocAuc ?? null, 3),
        percent(s?.metrics.score.shareTopQuartile ?? null),
      ]);
      const label = value === current ? `**${value}** (now)` : String(value);
      lines.push(`| \`${path.join('.')}\` | ${label} | ${cells.join(' | ')} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The README's blocks that `npm run backtest -- --readme` rewrites, each between `<!-- backtest:NAME -->` and `<!-- /backtest:NAME -->`. */
export const README_BLOCKS = ['table', 'scan', 'neighbours'] as const;
export type ReadmeBlock = (typeof README_BLOCKS)[number];

function blockBounds(text: string, name: ReadmeBlock): { start: number; end: number } {
  const [open, close] = [`<!-- backtest:${name} -->`, `<!-- /backtest:${name} -->`];
  const begin = text.indexOf(open);
  const end = text.indexOf(close);
  if (begin < 0 || end < begin) throw new Error(`README.md has no ${open} … ${close} block`);
  return { start: begin + open.length, end };
}

/** What a README block holds, as written by withReadmeBlock. */
export function readmeBlock(text: string, name: ReadmeBlock): string {
  const { start, end } = blockBounds(text, name);
  return text.slice(start, end).replace(/^\n\n/, '').replace(/\n$/, '');
}

/** The README text with a block's content replaced. */
export function withReadmeBlock(text: string, name: ReadmeBlock, content: string): string {
  const { start, end } = blockBounds(text, name);
  return `${text.slice(0, start)}\n\n${content}\n${text.slice(end)}`;
}

/** A State with the regions the neighbours of the candidate factor are taken from. */
export interface RegionalState extends BacktestState {
  regionalGroup: string | null;
  subregion: string | null;
  intermediateRegion: string | null;
}

const NEIGHBOURHOODS: readonly { name: string; of: (state: RegionalState) => string | null }[] = [
  { name: 'M49 sub-region', of: (state) => state.subregion },
  { name: 'M49 intermediate region (else sub-region)', of: (state) => state.intermediateRegion ?? state.subregion },
  { name: 'UN regional group', of: (state) => state.regionalGroup },
];

/**
 * A factor the score does not have, tried on the same lists: points for each State of the same
 * region that deposited in the years before 1 January (at most 3 counted), added to the score.
 * Not part of the product: it shows whether regional neighbours joining would earn a place.
 */
export function neighbourScanMarkdown(record: BacktestRecord<RegionalState>, from: number, to: number, horizonYears: number): string {
  const years: BacktestYear<RegionalState>[] = [];
  for (let year = from; year <= to; year++) years.push(backtestYear(record, year, horizonYears));
  const lines = [
    `| neighbours in the same… | deposits in the last | points each (at most 3) | fit ${from}–${FIT_UNTIL_YEAR}: ROC AUC | top quartile | held out ${FIT_UNTIL_YEAR + 1}–${to}: ROC AUC | top quartile |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const row = (label: string[], extra: (state: RegionalState, asOf: string) => number) => {
    const lists = years.map((year) => ({
      year: year.year,
      values: year.entries.map((entry) => entry.score + extra(entry.state, year.asOf)),
      joined: year.entries.map((entry) => entry.depositedOn !== null),
    }));
    const part = (keep: (year: number) => boolean) => {
      const chosen = lists.filter((list) => keep(list.year));
      return chosen.length === 0 ? null : pooledRankMetrics(chosen);
    };
    const cells = [part((y) => y <= FIT_UNTIL_YEAR), part((y) => y > FIT_UNTIL_YEAR)].flatMap((m) => [
      auc(m?.rocAuc ?? null, 3),
      percent(m?.shareTopQuartile ?? null),
    ]);
    lines.push(`| ${[...label, ...cells].join(' | ')} |`);
  };
  row(['(none: the score now)', '–', '–'], () => 0);
  for (const { name, of } of NEIGHBOURHOODS) {
    for (const lookback of [3, 5]) {
      for (const points of [5, 10]) {
        row([name, `${lookback} years`, String(points)], (state, asOf) => {
          const since = `${Number(asOf.slice(0, 4)) - lookback}${asOf.slice(4)}`;
          const region = of(state);
          const neighbours = record.states.filter(
            (other) =>
              other.iso3 !== state.iso3 &&
              region !== null &&
              of(other) === region &&
              other.consentDate !== null &&
              other.consentDate >= since &&
              other.consentDate < asOf,
          ).length;
          return points * Math.min(neighbours, 3);
        });
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
