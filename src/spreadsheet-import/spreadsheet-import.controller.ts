import { Controller, Inject, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Viewer } from '../auth/viewer.js';
import { HttpErrorFilter } from '../common/http-errors.filter.js';
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

class UploadProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Errors of @fastify/multipart, as what the client should fix. */
const MULTIPART_ERRORS: Record<string, [number, string]> = {
  FST_INVALID_MULTIPART_CONTENT_TYPE: [415, 'Send the files as multipart/form-data, in the fields "contacts" and "interactions"'],
  FST_REQ_FILE_TOO_LARGE: [413, 'A file is larger than the upload limit (IMPORT_UPLOAD_LIMIT_BYTES)'],
  FST_FILES_LIMIT: [400, 'Send at most two files: "contacts" and "interactions"'],
  FST_PARTS_LIMIT: [400, 'Send at most two files: "contacts" and "interactions"'],
  FST_FIELDS_LIMIT: [400, 'Send at most two files: "contacts" and "interactions"'],
};

/**
 * `POST /imports/spreadsheet[?dryRun=true]`: a spreadsheet import, with contacts.csv and/or
 * interactions.csv as the multipart/form-data file fields `contacts` and `interactions`, and the
 * same bearer token as the API. Answers with the row-by-row report: 200 for a dry run or a
 * committed import, 422 when rows were rejected (nothing is then written).
 */
@Controller('imports')
@UseFilters(HttpErrorFilter)
export class SpreadsheetImportController {
  constructor(
    private readonly imports: SpreadsheetImportService,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('spreadsheet')
  async spreadsheet(
    @CurrentViewer() viewer: Viewer,
    @Query('dryRun') dryRunParam: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const refuse = (status: number, code: string, message: string) => reply.code(status).send({ code, message });
    try {
      if (announcedTooLarge(request, spreadsheetUploadLimit(this.config))) throw new UploadProblem(413, TOO_LARGE);
      const dryRun = parseDryRun(dryRunParam);
      const files = await this.readFiles(request);
      const report = await this.imports.run(viewer, files, { dryRun });
      reply.code(!dryRun && report.rejected > 0 ? 422 : 200).send(report);
    } catch (error) {
      if (error instanceof UploadProblem) return void refuse(error.status, 'BAD_REQUEST', error.message);
      throw error;
    }
  }

  private async readFiles(request: FastifyRequest): Promise<SpreadsheetFiles> {
    const files: SpreadsheetFiles = {};
    try {
      const parts = request.parts({ limits: { fileSize: this.config.importUploadBytes, files: 2, fields: 0, parts: 2 } });
      for await (const part of parts) {
        const name = part.fieldname as (typeof FIELDS)[number];
        if (part.type !== 'file' || !FIELDS.includes(name)) {
          throw new UploadProblem(400, `Unexpected field "${part.fieldname}": send the files in the fields "contacts" and "interactions"`);
        }
        if (files[name]) throw new UploadProblem(400, `The field "${name}" was sent twice`);
        files[name] = await part.toBuffer();
      }
    } catch (error) {
      const known = MULTIPART_ERRORS[(error as { code?: string }).code ?? ''];
      if (known) throw new UploadProblem(known[0], known[1]);
      throw error;
    }
    return files;
  }
}

function parseDryRun(value: string | undefined): boolean {
  if (value === undefined || value === '' || value === 'false' || value === '0') return false;
  if (value === 'true' || value === '1') return true;
  throw new UploadProblem(400, `dryRun must be true or false, got "${value}"`);
}
