import { Controller, Get, Param, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.guard.js';
import type { Viewer } from '../auth/viewer.js';
import { HttpErrorFilter } from '../common/http-errors.filter.js';
import { CurrentViewer } from '../graphql/context.js';
import { CalendarService } from './calendar.service.js';

const SECRET_FILE = /^([A-Za-z0-9_-]{43})\.ics$/;

/**
 * `GET /calendar/<secret>.ics`: a user's secret iCalendar feed, for calendar applications that
 * cannot send a token (events, planned meetings and follow-ups the user may see); 404 once revoked.
 * `GET /exports/calendar.ics`: the events and planned meetings, with the bearer token.
 */
@Controller()
@UseFilters(HttpErrorFilter)
export class CalendarController {
  constructor(private readonly calendars: CalendarService) {}

  /** Public: the secret in the address is the key. */
  @Public()
  @Get('calendar/:file')
  async feed(@Param('file') file: string, @Res() reply: FastifyReply): Promise<void> {
    const secret = SECRET_FILE.exec(file)?.[1];
    const viewer = secret ? await this.calendars.viewerOfSecret(secret) : null;
    if (!viewer) {
      reply.code(404).send({ code: 'NOT_FOUND', message: 'No such calendar: it was revoked or replaced, or the address is wrong' });
      return;
    }
    this.send(reply, await this.calendars.calendar(viewer, { followUps: true }), 'ratify.ics');
  }

  @Get('exports/calendar.ics')
  async download(@CurrentViewer() viewer: Viewer, @Res() reply: FastifyReply): Promise<void> {
    this.send(reply, await this.calendars.calendar(viewer, { followUps: false }), 'calendar.ics');
  }

  private send(reply: FastifyReply, body: string, filename: string): void {
    reply
      .header('Content-Type', 'text/calendar; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="${filename}"`)
      .header('Cache-Control', 'private, no-store')
      .send(body);
  }
}
