import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * TypeORM logger that counts every SQL statement sent, so tests and benchmarks can
 * prove that a request costs a constant number of statements. Errors and slow
 * queries go to the Nest logger; parameters are never logged (they may hold secrets).
 */
export class StatementCounter implements TypeOrmLogger {
  private count = 0;
  private readonly logger = new NestLogger('Database');

  get statements(): number {
    return this.count;
  }

  /** Runs `work` and returns how many statements it sent (meaningful when nothing else runs meanwhile). */
  async measure<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
    const before = this.count;
    const result = await work();
    return { result, statements: this.count - before };
  }

  logQuery(): void {
    this.count++;
  }

  logQueryError(error: string | Error, query: string): void {
    const message = typeof error === 'string' ? error : error.message;
    this.logger.debug(`query failed: ${message} -- ${query.slice(0, 300)}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`slow query (${time} ms): ${query.slice(0, 300)}`);
  }

  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
    else this.logger.debug(String(message));
  }
}
