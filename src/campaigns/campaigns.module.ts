import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { InteractionsModule } from '../interactions/interactions.module.js';
import { StatesModule } from '../states/states.module.js';
import { TargetsModule } from '../targets/targets.module.js';
import { VotesModule } from '../votes/votes.module.js';
import { CampaignLoaders } from './campaign.loaders.js';
import { CampaignLetterFieldsResolver, CampaignsResolver } from './campaigns.resolver.js';
import { CampaignsRepository } from './campaigns.repository.js';
import { CampaignsService } from './campaigns.service.js';
import { LettersExportController } from './letters-export.controller.js';
import { LettersRepository } from './letters.repository.js';
import { LetterTemplateFieldsResolver, LettersResolver } from './letters.resolver.js';
import { LettersService } from './letters.service.js';
import { WriteLetterController } from './write-letter.controller.js';

@Module({
  imports: [AuthModule, InteractionsModule, StatesModule, TargetsModule, VotesModule],
  providers: [
    CampaignsRepository,
    CampaignsService,
    CampaignLoaders,
    CampaignsResolver,
    CampaignLetterFieldsResolver,
    LettersRepository,
    LettersService,
    LettersResolver,
    LetterTemplateFieldsResolver,
  ],
  controllers: [LettersExportController, WriteLetterController],
  exports: [CampaignsService],
})
export class CampaignsModule {}
