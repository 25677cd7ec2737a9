import { Controller, Get, Param, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Viewer } from '../auth/viewer.js';
import { HttpErrorFilter } from '../common/http-errors.filter.js';
import { CurrentViewer } from '../graphql/context.js';
import { LettersService } from './letters.service.js';

/**
 * `GET /exports/campaigns/:id/letters.zip`: every letter of a campaign filled from its templates,
 * one .docx per addressee; `GET /exports/campaigns/:id/letters/:fileName`: one of them (the
 * `fileName` of its `letterDryRun` entry). The same bearer token as the API; a campaign the caller
 * may not see is 404, as one that does not exist.
 */
@Controller('exports/campaigns')
@UseFilters(HttpErrorFilter)
export class LettersExportController {
  constructor(private readonly letters: LettersService) {}

  @Get(':id/letters.zip')
  zip(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    return this.send(viewer, reply, id);
  }

  @Get(':id/letters/:fileName')
  one(
    @CurrentViewer() viewer: Viewer,
    @Param('id') id: string,
    @Param('fileName') fileName: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.send(viewer, reply, id, fileName);
  }

  private async send(viewer: Viewer, reply: FastifyReply, id: string, fileName?: string): Promise<void> {
    const file = await this.letters.generate(viewer, id, fileName);
    reply.header('Content-Type', file.type).header('Content-Disposition', `attachment; filename="${file.fileName}"`).send(file.content);
  }
}
