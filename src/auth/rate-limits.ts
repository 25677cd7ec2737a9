import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { AppConfig } from '../config/config.js';
import { CONFIG } from '../config/config.module.js';
import { AppError } from '../common/errors.js';
import { RATE_LIMITER, type RateLimiter } from './rate-limiter.js';

const tooMany = (what: string, retryAfterSeconds: number) =>
  new AppError('RATE_LIMITED', `Too many ${what}; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });

/**
 * The limits: sign-in attempts per IP address and per account (LOGIN_RATE_LIMIT per
 * LOGIN_RATE_WINDOW_SECONDS; every attempt is counted before its password is checked, and only a
 * successful one is given back, so once the failures reach the limit every sign-in from there is
 * refused until the window ends), and requests per token per minute (REQUEST_RATE_LIMIT).
 */
@Injectable()
export class RateLimits implements OnApplicationShutdown {
  constructor(
    @Inject(CONFIG) private readonly config: AppConfig,
    @Inject(RATE_LIMITER) private readonly limiter: RateLimiter,
  ) {}

  /**
   * Counts a sign-in attempt against its IP address and its account, in one atomic step, before
   * the password is checked; refuses it while either has reached the limit. Concurrent attempts
   * therefore never get more than LOGIN_RATE_LIMIT password checks between them.
   */
  async reserveLogin(ip: string, email: string): Promise<void> {
    const reservation = await this.limiter.reserve(
      this.loginKeys(ip, email),
      this.config.loginRateLimit,
      this.config.loginRateWindowSeconds,
    );
    if (!reservation.granted) throw tooMany('sign-in attempts', reservation.retryAfterSeconds);
  }

  /** Gives an attempt back: a successful sign-in (only failures use up the limit), or one never judged. */
  async releaseLogin(ip: string, email: string): Promise<void> {
    await this.limiter.release(this.loginKeys(ip, email));
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
