import { Controller, Get, Query, Res, UseFilters } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FastifyReply } from 'fastify';
import type { Viewer } from '../auth/viewer.js';
import { HttpErrorFilter } from '../common/http-errors.filter.js';
import { CurrentViewer } from '../graphql/context.js';
import { badInput } from '../common/errors.js';
import { toCsv } from '../common/export-text.js';
import { TargetOrder } from '../common/enums.js';
import { TargetFilter } from './dto/targets.args.js';
import { TargetsService, type RankedTarget } from './targets.service.js';

const LIST_PARAMS = ['regionalGroups', 'subregions', 'intermediateRegions', 'groupingIds', 'treatyStatuses', 'stages', 'votes'] as const;

const COLUMNS: [string, (t: RankedTarget) => string | number | null][] = [
  ['rank', (t) => t.rank],
  ['state', (t) => t.state.name],
  ['iso3', (t) => t.state.iso3],
  ['regional_group', (t) => t.state.regionalGroup],
  ['subregion', (t) => t.state.subregion],
  ['treaty_status', (t) => t.treatyStatus],
  ['stage', (t) => t.state.ratificationStage],
  ['score', (t) => t.score],
  ['yes_share', (t) => t.votingRecord.yesShare],
  ['last_vote', (t) => t.votingRecord.lastChoice],
  ['last_contact', (t) => t.lastContactOn],
  ['open_obstacles', (t) => t.openObstacles],
  ['reasons', (t) => t.reasons.map((r) => `${r.detail} (${r.points > 0 ? '+' : ''}${r.points})`).join('; ')],
];

/**
 * `GET /exports/targets.csv`: the target list as CSV, with the filters of `targets` as query
 * parameters (lists repeated or comma-separated), the same bearer token and the same visibility.
 */
@Controller('exports')
@UseFilters(HttpErrorFilter)
export class TargetsExportController {
  constructor(private readonly targets: TargetsService) {}

  @Get('targets.csv')
  async targetsCsv(
    @CurrentViewer() viewer: Viewer,
    @Query() query: Record<string, string | string[]>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { filter, orderBy } = await parseQuery(query);
    const ranked = await this.targets.rank(viewer, filter, orderBy);
    const csv = toCsv([COLUMNS.map(([name]) => name), ...ranked.map((t) => COLUMNS.map(([, value]) => value(t)))]);
    reply.header('Content-Type', 'text/csv; charset=utf-8').header('Content-Disposition', 'attachment; filename="targets.csv"').send(csv);
  }
}

/** Query parameters to a validated filter: "a,b" and repeated parameters both make lists. */
async function parseQuery(query: Record<string, string | string[]>): Promise<{ filter: TargetFilter; orderBy: TargetOrder }> {
  const plain: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(query)) {
    const values = Array.isArray(raw) ? raw : [raw];
    const value = values[0];
    if ((LIST_PARAMS as readonly string[]).includes(name)) {
      plain[name] = values
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter(Boolean);
    } else if (name === 'minYesShare') plain[name] = value.trim() === '' ? value : Number(value);
    else if (name === 'notContactedForDays') plain[name] = /^-?\d+$/.test(value) ? Number(value) : value;
    else if (name === 'hasOpenObstacles') plain[name] = value === 'true' ? true : value === 'false' ? false : value;
    else plain[name] = value;
  }
  const { orderBy = TargetOrder.SCORE, ...rest } = plain;
  if (!Object.values(TargetOrder).includes(orderBy as TargetOrder)) {
    throw badInput(`orderBy must be one of ${Object.values(TargetOrder).join(', ')}`);
  }
  const filter = plainToInstance(TargetFilter, rest);
  const errors = await validate(filter, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) {
    const problems = errors.flatMap((error) => Object.values(error.constraints ?? {}));
    throw badInput(`Invalid filter: ${problems.join('; ')}`, { problems });
  }
  return { filter, orderBy: orderBy as TargetOrder };
}
