import { Controller, Inject, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Viewer } from '../auth/viewer.js';
import { isIsoDate } from '../common/dates.js';
import { badInput } from '../common/errors.js';
import { HttpErrorFilter } from '../common/http-errors.filter.js';
import { readUploads, UploadRefused, type UploadRules } from '../common/uploads.js';
import { CurrentViewer } from '../graphql/context.js';
import type { AppConfig } from '../config/config.js';
import { CONFIG } from '../config/config.module.js';
import { DOCX, LettersService } from './letters.service.js';

const MISSING_TEMPLATE = 'Send the template in the file field "template"';

/**
 * `POST /letters/:iso3[?contactId=&language=&date=&dryRun=true]`: "write a letter" to one State,
 * from the Word template sent as the multipart/form-data file field `template` (stored nowhere).
 * Answers the filled .docx, with the placeholders that had no value in `X-Missing-Placeholders`;
 * with dryRun, only what it would be (JSON). Any signed-in user; the same bearer token as the API.
 */
@Controller('letters')
@UseFilters(HttpErrorFilter)
export class WriteLetterController {
  private readonly upload: UploadRules<'template'>;

  constructor(
    private readonly letters: LettersService,
    @Inject(CONFIG) config: AppConfig,
  ) {
    this.upload = {
      fields: ['template'],
      fileSize: config.letterTemplateBytes,
      notMultipart: 'Send the template as multipart/form-data, in the file field "template"',
      tooLarge: 'The template is larger than LETTER_TEMPLATE_LIMIT_BYTES',
      tooMany: 'Send one file, in the field "template"',
      unexpectedField: () => MISSING_TEMPLATE,
    };
  }

  @Post(':iso3')
  async write(
    @CurrentViewer() viewer: Viewer,
    @Param('iso3') iso3: string,
    @Query() query: Record<string, string | undefined>,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    if (query.date !== undefined && !isIsoDate(query.date))
      throw badInput('date must be a date such as 2026-01-31', { problems: ['date must be a date such as 2026-01-31'] });
    const { template } = await readUploads(request, this.upload);
    if (!template) throw new UploadRefused(400, MISSING_TEMPLATE);
    const { draft, placeholders, content } = await this.letters.writeLetter(viewer, {
      stateIso3: iso3.toUpperCase(),
      contactId: query.contactId,
      language: query.language,
      date: query.date,
      template,
    });
    if (query.dryRun === 'true') {
      const { fileName, language, languageSource, missingPlaceholders } = draft;
      reply.code(200).send({ fileName, language: language.toUpperCase(), languageSource, placeholders, missingPlaceholders });
      return;
    }
    reply
      .code(200)
      .header('Content-Type', DOCX)
      .header('Content-Disposition', `attachment; filename="${draft.fileName}"`)
      .header('X-Missing-Placeholders', draft.missingPlaceholders.join(','))
      .send(content);
  }
}
