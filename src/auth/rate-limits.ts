import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { AppConfig } from '../config/config.js';
import { CONFIG } from '../config/config.module.js';
import { AppError } from '../common/errors.js';
import { RATE_LIMITER, type RateLimiter } from './rate-limiter.js';

const tooMany = (what: string, retryAfterSeconds: number) =>
  new AppError('RATE_LIMITED', `Too many ${what}; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });

/**
 * The limits: failed sign-ins per IP address and per account (LOGIN_RATE_LIMIT per
 * LOGIN_RATE_WINDOW_SECONDS; once reached, every sign-in from there is refused until the window
 * ends), and requests per token per minute (REQUEST_RATE_LIMIT).
 */
@Injectable()
export class RateLimits implements OnApplicationShutdown {
  constructor(
    @Inject(CONFIG) private readonly config: AppConfig,
    @Inject(RATE_LIMITER) private readonly limiter: RateLimiter,
  ) {}

  /** Refuses a sign-in while its IP address or its account has too many recent failures. */
  async checkLogin(ip: string, email: string): Promise<void> {
    const windows = await Promise.all(this.loginKeys(ip, email).map((key) => this.limiter.peek(key)));
    const blocked = windows.filter((window) => window.count >= this.config.loginRateLimit);
    if (blocked.length) throw tooMany('sign-in attempts', Math.max(...blocked.map((w) => w.retryAfterSeconds), 1));
  }

  /** Counts a failed sign-in against its IP address and its account. */
  async loginFailed(ip: string, email: string): Promise<void> {
    await Promise.all(this.loginKeys(ip, email).map((key) => this.limiter.hit(key, this.config.loginRateWindowSeconds)));
  }

  private loginKeys(ip: string, email: string): string[] {
    return [`login:ip:${ip}`, `login:account:${email.trim().toLowerCase()}`];
  }

  /** Counts one request for a bearer token (the token itself is never kept, only its hash). */
  async checkRequest(token: string): Promise<void> {
    if (!this.config.requestRateLimit) return;
    const key = createHash('sha256').update(token).digest('base64url').slice(0, 32);
    const window = await this.limiter.hit(`token:${key}`, 60);
    if (window.count > this.config.requestRateLimit) throw tooMany('requests', window.retryAfterSeconds);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.limiter.close();
  }
}
