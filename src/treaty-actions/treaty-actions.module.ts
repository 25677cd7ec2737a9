import { Module } from '@nestjs/common';
import { TreatyActionsResolver } from './treaty-actions.resolver.js';
import { TreatyActionsService } from './treaty-actions.service.js';

@Module({
  providers: [TreatyActionsService, TreatyActionsResolver],
  exports: [TreatyActionsService],
})
export class TreatyActionsModule {}
