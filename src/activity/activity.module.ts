import { Global, Module, type OnApplicationShutdown, Inject } from '@nestjs/common';
import type { AppConfig } from '../config/config.js';
import { CONFIG } from '../config/config.module.js';
import { loadRedis } from '../common/redis.js';
import { LocalActivityBus, RedisActivityBus, type ActivityBus } from './activity-bus.js';
import { ActivityRepository } from './activity.repository.js';
import { ActivityResolver } from './activity.resolver.js';
import { ActivityService } from './activity.service.js';
import { ACTIVITY_BUS } from './activity.tokens.js';
import { Writes } from '../database/writes.js';

class BusCloser implements OnApplicationShutdown {
  constructor(@Inject(ACTIVITY_BUS) private readonly bus: ActivityBus) {}

  async onApplicationShutdown(): Promise<void> {
    await this.bus.close();
  }
}

/** The activity feed and its live stream, and the Writes helper every feature writes through. */
@Global()
@Module({
  providers: [
    {
      provide: ACTIVITY_BUS,
      inject: [CONFIG],
      useFactory: async (config: AppConfig): Promise<ActivityBus> =>
        config.redisUrl ? new RedisActivityBus(config.redisUrl, await loadRedis()) : new LocalActivityBus(),
    },
    BusCloser,
    ActivityRepository,
    ActivityService,
    ActivityResolver,
    Writes,
  ],
  exports: [Writes, ACTIVITY_BUS, ActivityService],
})
export class ActivityModule {}
