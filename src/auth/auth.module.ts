import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { AppConfig } from '../config/config.js';
import { CONFIG } from '../config/config.module.js';
import { UsersModule } from '../users/users.module.js';
import { AuthGuard } from './auth.guard.js';
import { AuthResolver } from './auth.resolver.js';
import { AuthService } from './auth.service.js';
import { createRateLimiter, RATE_LIMITER } from './rate-limiter.js';
import { RateLimits } from './rate-limits.js';
import { TokenService } from './tokens.js';

@Module({
  imports: [UsersModule],
  providers: [
    TokenService,
    { provide: RATE_LIMITER, inject: [CONFIG], useFactory: (config: AppConfig) => createRateLimiter(config.redisUrl) },
    RateLimits,
    AuthService,
    AuthResolver,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService],
})
export class AuthModule {}
