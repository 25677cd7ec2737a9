import { Controller, Get, Query, Res, UseFilters } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { HttpErrorFilter } from '../common/http-errors.filter.js';
import { CurrentViewer } from '../graphql/context.js';
import type { Viewer } from '../auth/viewer.js';
import { isIsoDate } from '../common/dates.js';
import { badInput } from '../common/errors.js';
import { OrganizationsRepository } from '../organizations/organizations.repository.js';
import { ProgressReportInput } from './dto/progress-report.input.js';
import { reportCsv, reportMarkdown } from './progress-report.format.js';
import { ProgressReportService } from './progress-report.service.js';

const LIST_PARAMS = ['regionalGroups', 'stateIso3s', 'organizationIds'];
const DATE_PARAMS = ['from', 'to'];

/**
 * `GET /exports/progress-report.md` and `GET /exports/progress-report.csv`: the progress report
 * with the arguments of `progressReport` as query parameters (lists repeated or comma-separated),
 * the same bearer token and the same visibility.
 */
@Controller('exports')
@UseFilters(HttpErrorFilter)
export class ProgressReportExportController {
  constructor(
    private readonly reports: ProgressReportService,
    private readonly organizations: OrganizationsRepository,
  ) {}

  @Get('progress-report.md')
  markdown(@CurrentViewer() viewer: Viewer, @Query() query: Record<string, string | string[]>, @Res() reply: FastifyReply): Promise<void> {
    return this.send(viewer, query, reply, 'text/markdown', 'progress-report.md', async (viewer, input) => {
      const report = await this.reports.build(viewer, input);
      const names = report.organizationIds
        ? (await this.organizations.byIds(report.organizationIds)).map((o) => o.name).sort((a, b) => a.localeCompare(b, 'en'))
        : null;
      return reportMarkdown(
        report,
        { mandateName: report.mandate?.name ?? null, organizationNames: names },
        await this.reports.surveysWithNames(viewer, report),
      );
    });
  }

  @Get('progress-report.csv')
  csv(@CurrentViewer() viewer: Viewer, @Query() query: Record<string, string | string[]>, @Res() reply: FastifyReply): Promise<void> {
    return this.send(viewer, query, reply, 'text/csv', 'progress-report.csv', async (viewer, input) => {
      const report = await this.reports.build(viewer, input);
      return reportCsv(report, await this.reports.surveysWithNames(viewer, report));
    });
  }

  private async send(
    viewer: Viewer,
    query: Record<string, string | string[]>,
    reply: FastifyReply,
    type: string,
    filename: string,
    render: (viewer: Viewer, input: ProgressReportInput) => Promise<string>,
  ): Promise<void> {
    const body = await render(viewer, await parseQuery(query));
    reply.header('Content-Type', `${type}; charset=utf-8`).header('Content-Disposition', `attachment; filename="${filename}"`).send(body);
  }
}

async function parseQuery(query: Record<string, string | string[]>): Promise<ProgressReportInput> {
  const plain: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(query)) {
    const values = Array.isArray(raw) ? raw : [raw];
    if (LIST_PARAMS.includes(name))
      plain[name] = values
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter(Boolean);
    else plain[name] = values[0];
  }
  for (const name of DATE_PARAMS) {
    const value = plain[name];
    if (value !== undefined && !(typeof value === 'string' && isIsoDate(value))) {
      throw badInput(`${name} must be a date such as 2026-01-31`, { problems: [`${name} must be a date such as 2026-01-31`] });
    }
  }
  const input = plainToInstance(ProgressReportInput, plain);
  const errors = await validate(input, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) {
    const problems = errors.flatMap((error) => Object.values(error.constraints ?? {}));
    throw badInput(`Invalid parameters: ${problems.join('; ')}`, { problems });
  }
  return input;
}
