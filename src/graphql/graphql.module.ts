import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthModule } from '../auth/auth.module.js';
import { AuthService } from '../auth/auth.service.js';
import type { GqlContext } from './context.js';
import { formatErrors } from './error-formatter.js';
import { GraphiqlController } from './graphiql.controller.js';
import { LoadersFactory } from './loaders.js';
import { LoadersModule } from './loaders.module.js';

/**
 * Mercurius on Fastify, with graphql-jit. Each request gets its viewer (from the bearer
 * token) and its own DataLoaders.
 */
@Module({
  imports: [
    GraphQLModule.forRootAsync<MercuriusDriverConfig>({
      driver: MercuriusDriver,
      imports: [LoadersModule, AuthModule],
      inject: [LoadersFactory, AuthService],
      useFactory: (loaders: LoadersFactory, auth: AuthService): MercuriusDriverConfig => ({
        path: '/graphql',
        autoSchemaFile: true,
        sortSchema: true,
        graphiql: false,
        jit: 1,
        context: async (req: FastifyRequest, reply: FastifyReply): Promise<GqlContext> => {
          const viewer = await auth.viewerFrom(req.headers.authorization);
          return { req, reply, viewer, loaders: loaders.create(viewer) };
        },
        errorFormatter: (execution) => formatErrors(execution),
      }),
    }),
  ],
  controllers: [GraphiqlController],
})
export class GraphqlModule {}
