import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AuthService } from '../auth/auth.service.js';
import { viewerOrRefuse } from '../auth/http-viewer.js';
import { CalendarService } from './calendar.service.js';

const SECRET_FILE = /^([A-Za-z0-9_-]{43})\.ics$/;

/**
 * `GET /calendar/<secret>.ics`: a user's secret iCalendar feed, for calendar applications that
 * cannot send a token (events, planned meetings and follow-ups the user may see); 404 once revoked.
 * `GET /exports/calendar.ics`: the events and planned meetings, with the bearer token.
 */
@Controller()
export class CalendarController {
  constructor(
    private readonly auth: AuthService,
    private readonly calendars: CalendarService,
  ) {}

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
  async download(@Headers('authorization') authorization: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    const viewer = await viewerOrRefuse(this.auth, authorization, reply);
    if (!viewer) return;
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
