import { Controller, Get, Headers, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AuthService } from '../auth/auth.service.js';
import type { Viewer } from '../auth/viewer.js';
import { AppError } from '../common/errors.js';
import { toCsv } from '../common/export-text.js';
import { SpreadsheetImportRepository } from './spreadsheet-import.repository.js';
import { CONTACT_COLUMNS, INTERACTION_COLUMNS } from './spreadsheet-import.service.js';

/**
 * `GET /exports/contacts.csv` and `GET /exports/interactions.csv`: the contacts, and the
 * interactions the caller may see, in the columns the spreadsheet import reads (for a hand-over or
 * an archive), with the same bearer token. Importing a sheet as exported changes nothing.
 */
@Controller('exports')
export class SpreadsheetExportController {
  constructor(
    private readonly auth: AuthService,
    private readonly repository: SpreadsheetImportRepository,
  ) {}

  @Get('contacts.csv')
  contacts(@Headers('authorization') authorization: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    return this.send(authorization, reply, 'contacts.csv', async () => sheet(Object.keys(CONTACT_COLUMNS), await this.repository.exportContacts()));
  }

  @Get('interactions.csv')
  interactions(@Headers('authorization') authorization: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    return this.send(authorization, reply, 'interactions.csv', async (viewer) =>
      sheet(Object.keys(INTERACTION_COLUMNS), await this.repository.exportInteractions(viewer)),
    );
  }

  private async send(authorization: string | undefined, reply: FastifyReply, filename: string, render: (viewer: Viewer) => Promise<string>): Promise<void> {
    const viewer = await this.auth.viewerFrom(authorization).catch((error: unknown) => {
      if (error instanceof AppError) return error;
      throw error;
    });
    if (viewer instanceof AppError) {
      reply.code(429).send({ code: viewer.code, message: viewer.message, details: viewer.details });
      return;
    }
    if (!viewer) {
      reply.code(401).send({ code: 'UNAUTHENTICATED', message: 'Authentication required: send Authorization: Bearer <token>' });
      return;
    }
    const csv = await render(viewer);
    reply.header('Content-Type', 'text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="${filename}"`).send(csv);
  }
}

/** A header line of these columns, then each row's values in that order (absent ones empty). */
function sheet(columns: string[], rows: Record<string, string | null>[]): string {
  return toCsv([columns, ...rows.map((row) => columns.map((column) => row[column] ?? ''))]);
}
