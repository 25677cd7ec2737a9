import { Controller, Get, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { HttpErrorFilter } from '../common/http-errors.filter.js';
import { CurrentViewer } from '../graphql/context.js';
import type { Viewer } from '../auth/viewer.js';
import { toCsv } from '../common/export-text.js';
import { SpreadsheetImportRepository } from './spreadsheet-import.repository.js';
import { CONTACT_SHEET_COLUMNS, INTERACTION_SHEET_COLUMNS } from './spreadsheet-import.service.js';

/**
 * `GET /exports/contacts.csv` and `GET /exports/interactions.csv`: the contacts, and the
 * interactions the caller may see, in the columns the spreadsheet import reads (for a hand-over or
 * an archive), with the same bearer token. Importing a sheet as exported changes nothing.
 */
@Controller('exports')
@UseFilters(HttpErrorFilter)
export class SpreadsheetExportController {
  constructor(private readonly repository: SpreadsheetImportRepository) {}

  @Get('contacts.csv')
  contacts(@CurrentViewer() viewer: Viewer, @Res() reply: FastifyReply): Promise<void> {
    return this.send(viewer, reply, 'contacts.csv', async () =>
      sheet(Object.keys(CONTACT_SHEET_COLUMNS), await this.repository.exportContacts()),
    );
  }

  @Get('interactions.csv')
  interactions(@CurrentViewer() viewer: Viewer, @Res() reply: FastifyReply): Promise<void> {
    return this.send(viewer, reply, 'interactions.csv', async (viewer) =>
      sheet(Object.keys(INTERACTION_SHEET_COLUMNS), await this.repository.exportInteractions(viewer)),
    );
  }

  private async send(viewer: Viewer, reply: FastifyReply, filename: string, render: (viewer: Viewer) => Promise<string>): Promise<void> {
    const csv = await render(viewer);
    reply.header('Content-Type', 'text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="${filename}"`).send(csv);
  }
}

/** A header line of these columns, then each row's values in that order (absent ones empty). */
function sheet(columns: string[], rows: Record<string, string | null>[]): string {
  return toCsv([columns, ...rows.map((row) => columns.map((column) => row[column] ?? ''))]);
}
