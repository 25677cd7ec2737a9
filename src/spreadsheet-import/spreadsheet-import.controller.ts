import { Controller, Inject, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Viewer } from '../auth/viewer.js';
import { HttpErrorFilter } from '../common/http-errors.filter.js';
import { readUploads, UploadRefused, type UploadRules } from '../common/uploads.js';
import { announcedTooLarge } from '../common/request-bodies.js';
import type { AppConfig } from '../config/config.js';
import { CONFIG } from '../config/config.module.js';
import { CurrentViewer } from '../graphql/context.js';
import { SpreadsheetImportService, type SpreadsheetFiles } from './spreadsheet-import.service.js';

const FIELDS = ['contacts', 'interactions'] as const;

export const SPREADSHEET_UPLOAD_PATH = '/imports/spreadsheet';

/** The largest upload request: two files at the per-file limit, and room for the multipart envelope. */
export const spreadsheetUploadLimit = (config: Pick<AppConfig, 'importUploadBytes'>) => 2 * config.importUploadBytes + 64 * 1024;

const TOO_LARGE = 'The upload is larger than the limit: two files of IMPORT_UPLOAD_LIMIT_BYTES at most';

/**
 * `POST /imports/spreadsheet[?dryRun=true]`: a spreadsheet import, with contacts.csv and/or
 * interactions.csv as the multipart/form-data file fields `contacts` and `interactions`, and the
 * same bearer token as the API. Answers with the row-by-row report: 200 for a dry run or a
 * committed import, 422 when rows were rejected (nothing is then written).
 */
@Controller('imports')
@UseFilters(HttpErrorFilter)
export class SpreadsheetImportController {
  private readonly upload: UploadRules<(typeof FIELDS)[number]>;
  private readonly requestLimit: number;

  constructor(
    private readonly imports: SpreadsheetImportService,
    @Inject(CONFIG) config: AppConfig,
  ) {
    this.upload = {
      fields: FIELDS,
      fileSize: config.importUploadBytes,
      notMultipart: 'Send the files as multipart/form-data, in the fields "contacts" and "interactions"',
      tooLarge: 'A file is larger than the upload limit (IMPORT_UPLOAD_LIMIT_BYTES)',
      tooMany: 'Send at most two files: "contacts" and "interactions"',
      unexpectedField: (name) => `Unexpected field "${name}": send the files in the fields "contacts" and "interactions"`,
    };
    this.requestLimit = spreadsheetUploadLimit(config);
  }

  @Post('spreadsheet')
  async spreadsheet(
    @CurrentViewer() viewer: Viewer,
    @Query('dryRun') dryRunParam: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    if (announcedTooLarge(request, this.requestLimit)) throw new UploadRefused(413, TOO_LARGE);
    const dryRun = parseDryRun(dryRunParam);
    const files: SpreadsheetFiles = await readUploads(request, this.upload);
    const report = await this.imports.run(viewer, files, { dryRun });
    reply.code(!dryRun && report.rejected > 0 ? 422 : 200).send(report);
  }
}

function parseDryRun(value: string | undefined): boolean {
  if (value === undefined || value === '' || value === 'false' || value === '0') return false;
  if (value === 'true' || value === '1') return true;
  throw new UploadRefused(400, `dryRun must be true or false, got "${value}"`);
}
