import { Module } from '@nestjs/common';
import { InteractionsModule } from '../interactions/interactions.module.js';
import { StatesModule } from '../states/states.module.js';
import { TargetsModule } from '../targets/targets.module.js';
import { EventLoaders } from './event.loaders.js';
import { EventAttendanceResolver, EventsResolver, InteractionEventResolver } from './events.resolver.js';
import { PlannedMeetingResolver } from './planned-meetings.resolver.js';
import { EventsRepository } from './events.repository.js';
import { EventsService } from './events.service.js';

@Module({
  imports: [InteractionsModule, StatesModule, TargetsModule],
  providers: [
    EventsRepository,
    EventsService,
    EventLoaders,
    EventsResolver,
    EventAttendanceResolver,
    PlannedMeetingResolver,
    InteractionEventResolver,
  ],
})
export class EventsModule {}
