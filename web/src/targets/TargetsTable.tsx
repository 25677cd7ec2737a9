import { Text } from '@mantine/core';
import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TargetsQuery } from '../gql/graphql';
import { useFormat } from '../lib/format';
import { useStateNames } from '../lib/stateNames';
import { reasonText } from './reasons';

export type TargetNode = TargetsQuery['targets']['edges'][number]['node'];

interface RowProps {
  target: TargetNode;
  name: string;
  expanded: boolean;
  onToggle: (iso3: string) => void;
  labels: RowLabels;
  format: ReturnType<typeof useFormat>;
}

interface RowLabels {
  status: Record<string, string>;
  stage: Record<string, string>;
  /** M49 sub-regions by their English name. */
  region: Record<string, string>;
  never: string;
  reasons: string;
  reasonsFor: (name: string) => string;
  /** A reason of the score in the interface's language. */
  reason: (target: TargetNode, reason: TargetNode['reasons'][number]) => string;
}

/** One State: plain cells (85 rows render in a few milliseconds), its reasons only when expanded. */
const TargetRow = memo(function TargetRow({ target, name, expanded, onToggle, labels, format }: RowProps) {
  const { state } = target;
  const reasonsId = `reasons-${state.iso3}`;
  return (
    <>
      <tr data-iso3={state.iso3}>
        <td className="num">{target.rank}</td>
        <th scope="row">
          <Link to={`/states/${state.iso3}`}>{name}</Link>
        </th>
        <td>{state.subregion ? (labels.region[state.subregion] ?? state.subregion) : ''}</td>
        <td>{labels.status[state.treatyStatus] ?? state.treatyStatus}</td>
        <td>{labels.stage[state.ratificationStage] ?? state.ratificationStage}</td>
        <td className="num">{format.percent(state.votingRecord.yesShare)}</td>
        <td>{target.lastContactOn ? format.date(target.lastContactOn) : labels.never}</td>
        <td className="num">{target.openObstacles}</td>
        <td className="num">{format.number(target.score)}</td>
        <td>
          <button
            type="button"
            className="link-button"
            aria-expanded={expanded}
            aria-controls={expanded ? reasonsId : undefined}
            aria-label={labels.reasonsFor(name)}
            onClick={() => onToggle(state.iso3)}
          >
            {labels.reasons} {expanded ? '▴' : '▾'}
          </button>
        </td>
      </tr>
      {expanded && (
        <tr id={reasonsId} className="reasons-row">
          <td />
          <td colSpan={9}>
            <ul>
              {target.reasons.map((reason) => (
                <li key={reason.factor}>
                  <strong>{format.signed(reason.points)}</strong> {labels.reason(target, reason)}
                </li>
              ))}
            </ul>
          </td>
        </tr>
      )}
    </>
  );
});

/** The ranked list: rank, State, sub-region, status, stage, yes share, last contact, obstacles, score, reasons. */
export function TargetsTable({ targets, caption }: { targets: TargetNode[]; caption: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useStateNames();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const onToggle = useCallback(
    (iso3: string) =>
      setExpanded((current) => {
        const next = new Set(current);
        if (!next.delete(iso3)) next.add(iso3);
        return next;
      }),
    [],
  );
  const labels = useMemo<RowLabels>(
    () => ({
      status: t('treatyStatus', { returnObjects: true }) as Record<string, string>,
      stage: t('stage', { returnObjects: true }) as Record<string, string>,
      region: t('region', { returnObjects: true }) as Record<string, string>,
      never: t('targets.never'),
      reasons: t('targets.reasons'),
      reasonsFor: (name: string) => t('targets.reasonsFor', { name }),
      reason: (target, reason) => reasonText(t, format, target, reason),
    }),
    [t, format],
  );
  // Marks how long the rows take to appear once the data is there (read by the benchmark script).
  // eslint-disable-next-line react-hooks/exhaustive-deps -- not a value: the mark is taken again, during the render, when new data arrives
  useMemo(() => globalThis.performance?.mark?.('targets:data'), [targets]);
  useEffect(() => {
    try {
      globalThis.performance?.measure?.('targets:rendered', 'targets:data');
    } catch {
      /* no mark in this browser */
    }
  }, [targets]);
  if (!targets.length) return <Text mt="md">{t('targets.empty')}</Text>;
  return (
    <div className="table-scroll">
      <table className="data-table targets-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('targets.col.rank')}</th>
            <th scope="col">{t('targets.col.state')}</th>
            <th scope="col">{t('targets.col.subregion')}</th>
            <th scope="col">{t('targets.col.status')}</th>
            <th scope="col">{t('targets.col.stage')}</th>
            <th scope="col">{t('targets.col.yesShare')}</th>
            <th scope="col">{t('targets.col.lastContact')}</th>
            <th scope="col">{t('targets.col.obstacles')}</th>
            <th scope="col">{t('targets.col.score')}</th>
            <th scope="col">{t('targets.col.reasons')}</th>
          </tr>
        </thead>
        <tbody>
          {targets.map((target) => (
            <TargetRow
              key={target.state.iso3}
              target={target}
              name={names.name(target.state.iso3, target.state.name)}
              expanded={expanded.has(target.state.iso3)}
              onToggle={onToggle}
              labels={labels}
              format={format}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
