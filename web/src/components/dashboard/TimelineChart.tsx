import { Group, Select, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface TimelinePoint {
  date: string;
  statesParties: number;
  signatories: number;
}
export interface TimelineSeries {
  regionalGroup?: string | null;
  points: readonly TimelinePoint[];
}

const WIDTH = 720;
const HEIGHT = 260;
const PAD = { left: 40, right: 12, top: 12, bottom: 28 };

const time = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** A step line through the points (a count holds until the next point). */
export function stepPath(points: readonly { x: number; y: number }[]): string {
  return points.map((p, i) => (i === 0 ? `M${p.x},${p.y}` : `H${p.x}V${p.y}`)).join('');
}

/** Round ticks from 0 to at least `max`. */
export function niceTicks(max: number, count = 5): number[] {
  const step = Math.max(1, Math.ceil(max / count / 10) * 10 || 1);
  const ticks: number[] = [];
  for (let v = 0; v <= Math.max(max, step); v += step) ticks.push(v);
  if (ticks[ticks.length - 1] < max) ticks.push(ticks[ticks.length - 1] + step);
  return ticks;
}

/** States Parties and signatories over time, for every State or one regional group. */
export function TimelineChart({ series }: { series: readonly TimelineSeries[] }) {
  const { t, i18n } = useTranslation();
  const [group, setGroup] = useState<string>('ALL');
  const current = series.find((s) => (s.regionalGroup ?? 'ALL') === group) ?? series[0];
  const points = useMemo(() => current?.points ?? [], [current]);
  const drawing = useMemo(() => {
    if (points.length < 2) return null;
    const x0 = time(points[0].date);
    const x1 = time(points[points.length - 1].date);
    const max = Math.max(...points.map((p) => Math.max(p.statesParties, p.signatories)), 1);
    const ticks = niceTicks(max);
    const top = ticks[ticks.length - 1];
    const x = (date: string) => PAD.left + ((time(date) - x0) / Math.max(1, x1 - x0)) * (WIDTH - PAD.left - PAD.right);
    const y = (value: number) => HEIGHT - PAD.bottom - (value / top) * (HEIGHT - PAD.top - PAD.bottom);
    const years: number[] = [];
    for (let year = new Date(x0).getUTCFullYear() + 1; year <= new Date(x1).getUTCFullYear(); year += 2) years.push(year);
    return {
      parties: stepPath(points.map((p) => ({ x: x(p.date), y: y(p.statesParties) }))),
      signatories: stepPath(points.map((p) => ({ x: x(p.date), y: y(p.signatories) }))),
      ticks: ticks.map((value) => ({ value, y: y(value) })),
      years: years.map((year) => ({ year, x: x(`${year}-01-01`) })),
    };
  }, [points]);
  const last = points[points.length - 1];
  const number = new Intl.NumberFormat(i18n.language);
  const date = (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(time(iso));
  const groups = ['ALL', ...series.map((s) => s.regionalGroup).filter((g): g is string => !!g)];
  return (
    <Stack gap="xs">
      <Group justify="space-between" wrap="wrap">
        <Select
          size="xs"
          w={320}
          label={t('dashboard.region')}
          data={groups.map((value) => ({ value, label: t(`regionalGroup.${value}`) }))}
          value={group}
          allowDeselect={false}
          onChange={(value) => value && setGroup(value)}
        />
        <Group gap="md">
          <Group gap={6}>
            <span className="legend-line parties" aria-hidden />
            <Text size="sm">
              {t('dashboard.parties')}: {last ? number.format(last.statesParties) : '–'}
            </Text>
          </Group>
          <Group gap={6}>
            <span className="legend-line signatories" aria-hidden />
            <Text size="sm">
              {t('dashboard.signatories')}: {last ? number.format(last.signatories) : '–'}
            </Text>
          </Group>
        </Group>
      </Group>
      {drawing && (
        <svg
          className="timeline-chart"
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          role="img"
          aria-label={`${t('dashboard.timelineLabel', { from: date(points[0].date), to: date(last.date) })}: ${t('dashboard.parties')} ${number.format(last.statesParties)}, ${t('dashboard.signatories')} ${number.format(last.signatories)}`}
        >
          {drawing.ticks.map((tick) => (
            <g key={tick.value}>
              <line className="grid" x1={PAD.left} x2={WIDTH - PAD.right} y1={tick.y} y2={tick.y} />
              <text x={PAD.left - 6} y={tick.y + 4} textAnchor="end">
                {number.format(tick.value)}
              </text>
            </g>
          ))}
          {drawing.years.map((tick) => (
            <text key={tick.year} x={tick.x} y={HEIGHT - 8} textAnchor="middle">
              {tick.year}
            </text>
          ))}
          <path className="line signatories" d={drawing.signatories} />
          <path className="line parties" d={drawing.parties} />
        </svg>
      )}
    </Stack>
  );
}
