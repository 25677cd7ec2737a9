import { Module } from '@nestjs/common';
import { StatesModule } from '../states/states.module.js';
import { ObstacleLoaders } from './obstacle.loaders.js';
import { ObstaclesRepository } from './obstacles.repository.js';
import { ObstaclesResolver } from './obstacles.resolver.js';
import { ObstaclesService } from './obstacles.service.js';

@Module({
  imports: [StatesModule],
  providers: [ObstaclesRepository, ObstaclesService, ObstacleLoaders, ObstaclesResolver],
  exports: [ObstaclesRepository, ObstaclesService],
})
export class ObstaclesModule {}
