import { AuditModule } from './audit/audit.module.js';
import { ActivityModule } from './activity/activity.module.js';
import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from './auth/auth.module.js';
import { CalendarModule } from './calendar/calendar.module.js';
import { SurveysModule } from './surveys/surveys.module.js';
import { CampaignsModule } from './campaigns/campaigns.module.js';
import type { AppConfig } from './config/config.js';
import { ConfigModule } from './config/config.module.js';
import { ContactsModule } from './contacts/contacts.module.js';
import type { DatabaseHandle } from './database/data-source.js';
import { DatabaseModule } from './database/database.module.js';
import { EventsModule } from './events/events.module.js';
import { GraphqlModule } from './graphql/graphql.module.js';
import { GroupingsModule } from './groupings/groupings.module.js';
import { HealthModule } from './health/health.module.js';
import { InteractionsModule } from './interactions/interactions.module.js';
import { ObstaclesModule } from './obstacles/obstacles.module.js';
import { OrganizationsModule } from './organizations/organizations.module.js';
import { SpreadsheetImportModule } from './spreadsheet-import/spreadsheet-import.module.js';
import { StatesModule } from './states/states.module.js';
import { TreatyActionsModule } from './treaty-actions/treaty-actions.module.js';
import { DigestModule } from './digest/digest.module.js';
import { TargetsModule } from './targets/targets.module.js';
import { UsersModule } from './users/users.module.js';
import { VotesModule } from './votes/votes.module.js';
import { WorkPlansModule } from './work-plans/work-plans.module.js';

@Module({})
export class AppModule {
  /**
   * The whole application; with `api: false`, its features without the routes that serve them
   * (GraphQL, health), for code that calls the services directly (the service-level tests).
   */
  static forRoot(config: AppConfig, database: DatabaseHandle, { api = true }: { api?: boolean } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(database),
        ActivityModule,
        AuthModule,
        AuditModule,
        OrganizationsModule,
        UsersModule,
        StatesModule,
        TreatyActionsModule,
        DigestModule,
        VotesModule,
        ContactsModule,
        InteractionsModule,
        ObstaclesModule,
        GroupingsModule,
        TargetsModule,
        CampaignsModule,
        CalendarModule,
        SurveysModule,
        EventsModule,
        WorkPlansModule,
        SpreadsheetImportModule,
        ...(api ? [HealthModule, GraphqlModule] : []),
      ],
    };
  }
}
