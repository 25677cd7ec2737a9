import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.guard.js';

/** `GET /health`: 200 when the database answers, 503 when it does not. Needs no token. */
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly db: DataSource) {}

  @Get()
  async check(@Res() reply: FastifyReply): Promise<void> {
    const started = Date.now();
    try {
      await Promise.race([
        this.db.query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref()),
      ]);
      reply.code(200).send({ status: 'ok', database: 'up', latencyMs: Date.now() - started });
    } catch {
      reply.code(503).send({ status: 'error', database: 'down' });
    }
  }
}
