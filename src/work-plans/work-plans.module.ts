import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { InteractionsModule } from '../interactions/interactions.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { StatesModule } from '../states/states.module.js';
import { SurveysRepository } from '../surveys/surveys.repository.js';
import {
  HandOverResolver,
  IndicatorsResolver,
  MandatesResolver,
  ObjectivesResolver,
  PlannedActivitiesResolver,
} from './mandates.resolver.js';
import { MandatesRepository } from './mandates.repository.js';
import { MandatesService } from './mandates.service.js';
import { ProgressReportExportController } from './progress-report-export.controller.js';
import { ProgressReportRepository } from './progress-report.repository.js';
import { InteractionTypeTallyResolver, ProgressReportResolver, StageMoveResolver, StateTallyResolver } from './progress-report.resolver.js';
import { ProgressReportService } from './progress-report.service.js';
import { WorkPlanLoaders } from './work-plan.loaders.js';

/** Coordinators' mandates, their work plans, progress reports and hand-overs. */
@Module({
  imports: [AuthModule, StatesModule, InteractionsModule, OrganizationsModule],
  providers: [
    MandatesRepository,
    MandatesService,
    ProgressReportRepository,
    ProgressReportService,
    SurveysRepository,
    WorkPlanLoaders,
    MandatesResolver,
    HandOverResolver,
    ObjectivesResolver,
    IndicatorsResolver,
    PlannedActivitiesResolver,
    ProgressReportResolver,
    StateTallyResolver,
    InteractionTypeTallyResolver,
    StageMoveResolver,
  ],
  controllers: [ProgressReportExportController],
})
export class WorkPlansModule {}
