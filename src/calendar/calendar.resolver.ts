import { Field, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import type { Viewer } from '../auth/viewer.js';
import { CurrentViewer } from '../graphql/context.js';
import { DateTimeScalar } from '../graphql/scalars.js';
import { CalendarService } from './calendar.service.js';

@ObjectType('CalendarFeed', { description: 'Your secret iCalendar feed (its address is shown only when it is created)' })
export class CalendarFeed {
  @Field(() => DateTimeScalar)
  createdAt: Date;
}

@ObjectType('NewCalendarFeed')
export class NewCalendarFeed {
  @Field({
    description:
      'The secret address, relative to the service (/calendar/<secret>.ics): subscribe to it in a calendar application. Shown once',
  })
  path: string;

  @Field(() => DateTimeScalar)
  createdAt: Date;
}

@Resolver()
export class CalendarResolver {
  constructor(private readonly calendars: CalendarService) {}

  @Query(() => CalendarFeed, { nullable: true, description: 'Your calendar feed, if you have one' })
  calendarFeed(@CurrentViewer() viewer: Viewer): Promise<CalendarFeed | null> {
    return this.calendars.feed(viewer);
  }

  @Mutation(() => NewCalendarFeed, {
    description:
      'A new secret iCalendar feed address for you (events, planned meetings and follow-ups you may see). It replaces your previous one, which stops working',
  })
  createCalendarFeed(@CurrentViewer() viewer: Viewer): Promise<NewCalendarFeed> {
    return this.calendars.createFeed(viewer);
  }

  @Mutation(() => Boolean, { description: 'Revokes your calendar feed address (it then answers 404); false when you had none' })
  revokeCalendarFeed(@CurrentViewer() viewer: Viewer): Promise<boolean> {
    return this.calendars.revokeFeed(viewer);
  }
}
