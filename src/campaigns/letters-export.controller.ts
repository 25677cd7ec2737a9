import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AuthService } from '../auth/auth.service.js';
import { sendAppError, viewerOrRefuse } from '../auth/http-viewer.js';
import { LettersService } from './letters.service.js';

/**
 * `GET /exports/campaigns/:id/letters.zip`: every letter of a campaign filled from its templates,
 * one .docx per addressee; `GET /exports/campaigns/:id/letters/:fileName`: one of them (the
 * `fileName` of its `letterDryRun` entry). The same bearer token as the API; a campaign the caller
 * may not see is 404, as one that does not exist.
 */
@Controller('exports/campaigns')
export class LettersExportController {
  constructor(
    private readonly auth: AuthService,
    private readonly letters: LettersService,
  ) {}

  @Get(':id/letters.zip')
  zip(@Headers('authorization') authorization: string | undefined, @Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    return this.send(authorization, reply, id);
  }

  @Get(':id/letters/:fileName')
  one(
    @Headers('authorization') authorization: string | undefined,
    @Param('id') id: string,
    @Param('fileName') fileName: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.send(authorization, reply, id, fileName);
  }

  private async send(authorization: string | undefined, reply: FastifyReply, id: string, fileName?: string): Promise<void> {
    const viewer = await viewerOrRefuse(this.auth, authorization, reply);
    if (!viewer) return;
    try {
      const file = await this.letters.generate(viewer, id, fileName);
      reply.header('Content-Type', file.type).header('Content-Disposition', `attachment; filename="${file.fileName}"`).send(file.content);
    } catch (error) {
      sendAppError(error, reply);
    }
  }
}
