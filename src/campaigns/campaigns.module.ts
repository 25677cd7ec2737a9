import { Module } from '@nestjs/common';
import { InteractionsModule } from '../interactions/interactions.module.js';
import { StatesModule } from '../states/states.module.js';
import { TargetsModule } from '../targets/targets.module.js';
import { CampaignLetterFieldsResolver, CampaignsResolver } from './campaigns.resolver.js';
import { CampaignsRepository } from './campaigns.repository.js';
import { CampaignsService } from './campaigns.service.js';

@Module({
  imports: [InteractionsModule, StatesModule, TargetsModule],
  providers: [CampaignsRepository, CampaignsService, CampaignsResolver, CampaignLetterFieldsResolver],
})
export class CampaignsModule {}
