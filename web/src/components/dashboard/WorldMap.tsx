import { Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { geoEqualEarth, geoPath } from 'd3-geo';
import { useEffect, useMemo, useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { fillClass, SMALL_STATES, STAGES, TREATY_STATUSES, type MapMode } from './mapData';

export interface MapState {
  iso3: string;
  name: string;
  m49Code?: string | null;
  treatyStatus: string;
  ratificationStage: string;
  regionalGroup?: string | null;
}

const WIDTH = 960;
const HEIGHT = 470;
/** Shapes smaller than this (in square pixels of the drawing) get a marker as well. */
const TINY_AREA = 4;

interface Shape {
  iso3: string;
  d: string;
}
interface Marker {
  iso3: string;
  x: number;
  y: number;
}

/** Natural Earth 1:110m countries (world-atlas), loaded on first use: its own chunk. */
let topologyPromise: Promise<Topology> | undefined;
const loadTopology = () =>
  (topologyPromise ??= import('world-atlas/countries-110m.json').then((module) => (module.default ?? module) as unknown as Topology));

/** Projects the shapes once per topology and list of States: shapes joined on the M49 code, markers for the small ones. */
function project(topology: Topology, states: readonly MapState[]): { land: string; shapes: Shape[]; markers: Marker[] } {
  const countries = feature(topology, topology.objects.countries as GeometryCollection);
  const projection = geoEqualEarth().fitExtent(
    [
      [4, 4],
      [WIDTH - 4, HEIGHT - 4],
    ],
    { type: 'Sphere' },
  );
  const path = geoPath(projection);
  const byCode = new Map(states.filter((s) => s.m49Code).map((s) => [s.m49Code!, s]));
  const shapes: Shape[] = [];
  const markers: Marker[] = [];
  const drawn = new Set<string>();
  let land = '';
  for (const country of countries.features) {
    const state = country.id === undefined ? undefined : byCode.get(String(country.id).padStart(3, '0'));
    const d = path(country) ?? '';
    if (!state) {
      land += d;
      continue;
    }
    shapes.push({ iso3: state.iso3, d });
    drawn.add(state.iso3);
    if (path.area(country) < TINY_AREA) {
      const [x, y] = path.centroid(country);
      markers.push({ iso3: state.iso3, x, y });
    }
  }
  for (const state of states) {
    const at = SMALL_STATES[state.iso3];
    if (drawn.has(state.iso3) || !at) continue;
    const point = projection(at);
    if (point) markers.push({ iso3: state.iso3, x: point[0], y: point[1] });
  }
  return { land, shapes, markers };
}

/**
 * The map's data as a table (a disclosure below the map), for keyboards and screen readers: each
 * State with its group, treaty status and stage, linked to its page. Rendered only once opened.
 */
function MapTable({ states }: { states: readonly MapState[] }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const sorted = useMemo(
    () => (open ? [...states].sort((a, b) => a.name.localeCompare(b.name, i18n.language)) : []),
    [open, states, i18n.language],
  );
  return (
    <details className="map-table" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('dashboard.tableView')}</summary>
      {open && (
        <Table striped withTableBorder mt="xs" data-testid="map-table">
          <Table.Caption>{t('dashboard.tableCaption', { count: states.length })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('dashboard.tableState')}</Table.Th>
              <Table.Th scope="col">{t('dashboard.region')}</Table.Th>
              <Table.Th scope="col">{t('dashboard.tableStatus')}</Table.Th>
              <Table.Th scope="col">{t('dashboard.tableStage')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((state) => (
              <Table.Tr key={state.iso3} data-iso3={state.iso3}>
                <Table.Th scope="row">
                  <Link to={`/states/${state.iso3}`}>{state.name}</Link>
                </Table.Th>
                <Table.Td>{state.regionalGroup ? t(`regionalGroup.${state.regionalGroup}`) : ''}</Table.Td>
                <Table.Td>{t(`treatyStatus.${state.treatyStatus}`)}</Table.Td>
                <Table.Td>{t(`stage.${state.ratificationStage}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </details>
  );
}

/**
 * The world map of the States, coloured by treaty status or ratification stage, with a legend,
 * details on hover or tap and a click through to each State's page. Shapes are joined on the UN
 * M49 numeric code; the small island States get a visible marker. (The same data is in the table
 * below the map, for keyboards and screen readers.)
 */
export default function WorldMap({ states, label }: { states: readonly MapState[]; label?: (mode: string) => string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [mode, setMode] = useState<MapMode>('status');
  const [topology, setTopology] = useState<Topology | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const [lastPointer, setLastPointer] = useState<string>('mouse');
  useEffect(() => {
    let live = true;
    void loadTopology().then((loaded) => live && setTopology(loaded));
    return () => {
      live = false;
    };
  }, []);
  const drawing = useMemo(() => (topology ? project(topology, states) : null), [topology, states]);
  const byIso3 = useMemo(() => new Map(states.map((s) => [s.iso3, s])), [states]);
  const value = (state: MapState | undefined) => (mode === 'status' ? state?.treatyStatus : state?.ratificationStage);
  const activeState = active ? byIso3.get(active) : undefined;
  const legend = mode === 'status' ? TREATY_STATUSES : STAGES;
  const counts = useMemo(() => {
    const tally = new Map<string, number>();
    for (const state of states) tally.set(value(state) ?? '', (tally.get(value(state) ?? '') ?? 0) + 1);
    return tally;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- value() reads only mode
  }, [states, mode]);

  const open = (iso3: string) => void navigate(`/states/${iso3}`);
  // A tap shows the details first; a second tap on the same State opens it. A click opens it.
  const onClick = (iso3: string) => {
    if (lastPointer === 'touch' && active !== iso3) setActive(iso3);
    else open(iso3);
  };
  const handlers = (iso3: string) => ({
    'data-iso3': iso3,
    'data-active': active === iso3 ? 'true' : undefined,
    onMouseEnter: () => setActive(iso3),
    onPointerDown: (event: PointerEvent) => setLastPointer(event.pointerType),
    onClick: () => onClick(iso3),
  });
  const name = (state: MapState) => state.name;

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap">
        <Group gap="xs">
          <Text size="sm" id="map-mode-label">
            {t('dashboard.colourBy')}
          </Text>
          <SegmentedControl
            size="xs"
            aria-labelledby="map-mode-label"
            value={mode}
            onChange={(next) => setMode(next as MapMode)}
            data={[
              { value: 'status', label: t('dashboard.byStatus') },
              { value: 'stage', label: t('dashboard.byStage') },
            ]}
          />
        </Group>
        <Text size="xs" c="dimmed">
          {t('dashboard.mapHint')}
        </Text>
      </Group>
      <div className="map-layout">
        <div>
          {drawing ? (
            <svg
              className="world-map"
              viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
              role="img"
              aria-label={(label ?? ((modeText) => t('dashboard.mapLabel', { mode: modeText })))(
                mode === 'status' ? t('dashboard.byStatus') : t('dashboard.byStage'),
              )}
              onMouseLeave={() => setActive(null)}
            >
              <path className="land" d={drawing.land} />
              {drawing.shapes.map((shape) => (
                <path
                  key={shape.iso3}
                  className={`state ${fillClass(mode, value(byIso3.get(shape.iso3)))}`}
                  d={shape.d}
                  {...handlers(shape.iso3)}
                >
                  <title>{name(byIso3.get(shape.iso3)!)}</title>
                </path>
              ))}
              {drawing.markers.map((marker) => (
                <circle
                  key={`m-${marker.iso3}`}
                  className={`state marker ${fillClass(mode, value(byIso3.get(marker.iso3)))}`}
                  cx={marker.x}
                  cy={marker.y}
                  r={4.5}
                  {...handlers(marker.iso3)}
                >
                  <title>{name(byIso3.get(marker.iso3)!)}</title>
                </circle>
              ))}
            </svg>
          ) : (
            <Text size="sm" c="dimmed" role="status">
              {t('dashboard.mapLoading')}
            </Text>
          )}
          <Text size="xs" c="dimmed" mt={4}>
            {t('dashboard.smallStates')}
          </Text>
          <MapTable states={states} />
        </div>
        <Stack gap="xs">
          <div aria-live="polite" data-testid="map-details">
            {activeState ? (
              <Stack gap={2}>
                <Text fw={700}>{name(activeState)}</Text>
                <Text size="sm">{t('dashboard.tooltipStatus', { status: t(`treatyStatus.${activeState.treatyStatus}`) })}</Text>
                <Text size="sm">{t('dashboard.tooltipStage', { stage: t(`stage.${activeState.ratificationStage}`) })}</Text>
                {activeState.regionalGroup && <Text size="sm">{t(`regionalGroup.${activeState.regionalGroup}`)}</Text>}
              </Stack>
            ) : null}
          </div>
          <Text size="sm" fw={600} id="map-legend">
            {t('dashboard.legend')}
          </Text>
          <ul aria-labelledby="map-legend" className="feed-list">
            {legend.map((key) => (
              <li key={key}>
                <Group gap="xs" wrap="nowrap">
                  <span className={`legend-swatch ${fillClass(mode, key)}`} aria-hidden />
                  <Text size="sm">
                    {t(mode === 'status' ? `treatyStatus.${key}` : `stage.${key}`)} ({counts.get(key) ?? 0})
                  </Text>
                </Group>
              </li>
            ))}
          </ul>
        </Stack>
      </div>
    </Stack>
  );
}
