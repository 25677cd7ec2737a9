import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { VotesModule } from '../votes/votes.module.js';
import { TargetBacktestResolver } from './target-backtest.resolver.js';
import { TargetBacktestService } from './target-backtest.service.js';
import { TargetsExportController } from './targets-export.controller.js';
import { TargetsRepository } from './targets.repository.js';
import { TargetsResolver } from './targets.resolver.js';
import { TargetsService } from './targets.service.js';

@Module({
  imports: [AuthModule, VotesModule],
  providers: [TargetsRepository, TargetsService, TargetsResolver, TargetBacktestService, TargetBacktestResolver],
  controllers: [TargetsExportController],
  exports: [TargetsService],
})
export class TargetsModule {}
