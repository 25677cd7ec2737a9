import { Global, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DatabaseHandle } from './data-source.js';
import { Db } from './db.js';
import { StatementCounter } from './statement-counter.js';

export const DATABASE = Symbol('DATABASE');

class DatabaseCloser implements OnApplicationShutdown {
  constructor(private readonly handle: DatabaseHandle) {}

  async onApplicationShutdown(): Promise<void> {
    await this.handle.close();
  }
}

/**
 * Provides the opened, migrated DataSource and the Db the repositories query through; closes them
 * (and the embedded server) on shutdown.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(handle: DatabaseHandle): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: DATABASE, useValue: handle },
        { provide: DataSource, useValue: handle.dataSource },
        { provide: StatementCounter, useValue: handle.counter },
        Db,
        { provide: DatabaseCloser, useFactory: () => new DatabaseCloser(handle) },
      ],
      exports: [DATABASE, DataSource, Db, StatementCounter],
    };
  }
}
