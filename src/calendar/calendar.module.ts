import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { CalendarController } from './calendar.controller.js';
import { CalendarRepository } from './calendar.repository.js';
import { CalendarResolver } from './calendar.resolver.js';
import { CalendarService } from './calendar.service.js';

/** iCalendar files of events, planned meetings and follow-ups: a secret feed per user, and a download. */
@Module({
  imports: [AuthModule],
  providers: [CalendarRepository, CalendarService, CalendarResolver],
  controllers: [CalendarController],
})
export class CalendarModule {}
