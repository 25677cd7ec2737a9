import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { CONFIG } from '../config/config.module.js';
import { DigestService } from './digest.service.js';

const DAY_MS = 86_400_000;

/**
 * Sends the daily digests. Every instance looks every DIGEST_CHECK_SECONDS for users whose hour has
 * come in their time zone; each user's digest of the day is claimed in `digest_subscriptions` (the
 * row is locked, and a day already taken is skipped), so it goes out once across instances and
 * restarts. A digest that cannot be sent is given back, and the next check tries again.
 */
@Injectable()
export class DigestScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Digest');
  private timer: NodeJS.Timeout | null = null;
  private transport: Transporter | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly digests: DigestService,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.smtpUrl) {
      this.logger.log('SMTP_URL is not set: no digest e-mails will be sent');
      return;
    }
    if (!this.db.isInitialized) return;
    this.transport = createTransport(this.config.smtpUrl);
    this.logger.log(
      `Daily digests by e-mail through ${new URL(this.config.smtpUrl).host}, checked every ${this.config.digestCheckSeconds} s`,
    );
    this.timer = setInterval(() => void this.check(), this.config.digestCheckSeconds * 1000);
    this.timer.unref();
    void this.check();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
    this.transport?.close();
  }

  /** Sends every digest due at `now` (one check at a time on this instance); returns how many went. */
  check(now = new Date()): Promise<number> {
    this.running ??= this.sendDue(now)
      .catch((error: Error) => {
        this.logger.error(`Digest check failed: ${error.message}`);
        return 0;
      })
      .finally(() => (this.running = null));
    return this.running;
  }

  private async sendDue(now: Date): Promise<number> {
    if (!this.transport) return 0;
    let sent = 0;
    for (const user of await this.digests.due(now)) {
      const claim = await this.digests.claim(user.userId, user.today);
      if (!claim) continue;
      try {
        const digest = await this.digests.compose(user, user.today, claim.previousSentAt ?? new Date(now.getTime() - DAY_MS));
        if (!digest) continue;
        await this.transport.sendMail(digest);
        sent++;
      } catch (error) {
        this.logger.warn(`The digest of ${user.email} could not be sent (${(error as Error).message}); it will be tried again`);
        await this.digests.release(user.userId, user.today, claim);
      }
    }
    return sent;
  }
}
