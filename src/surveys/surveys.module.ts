import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module.js';
import { ObstaclesModule } from '../obstacles/obstacles.module.js';
import { SurveyLoaders } from './survey.loaders.js';
import { SurveysRepository } from './surveys.repository.js';
import { CampaignSurveyResolver, SurveyChoiceCountResolver, SurveysResolver } from './surveys.resolver.js';
import { SurveysService } from './surveys.service.js';

/** The obstacle survey: questionnaires sent through letter campaigns, answers per State, and results. */
@Module({
  imports: [CampaignsModule, ObstaclesModule],
  providers: [SurveysRepository, SurveysService, SurveyLoaders, SurveysResolver, SurveyChoiceCountResolver, CampaignSurveyResolver],
})
export class SurveysModule {}
