import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Queryable } from '../common/sql.js';
import type { WriteTransaction } from './writes.js';

/**
 * The write transaction the running code is part of: set by Writes.run for everything its work
 * awaits, so that a statement reaches the transaction without being handed its manager.
 */
export const currentWrite = new AsyncLocalStorage<WriteTransaction>();

/**
 * Where repositories run their SQL: inside a write (Writes.run), on that write's transaction;
 * anywhere else, on the pool, each statement its own transaction.
 */
@Injectable()
export class Db implements Queryable {
  constructor(private readonly dataSource: DataSource) {}

  query<T>(sql: string, parameters?: unknown[]): Promise<T> {
    return (currentWrite.getStore()?.manager ?? this.dataSource).query<T>(sql, parameters);
  }
}
