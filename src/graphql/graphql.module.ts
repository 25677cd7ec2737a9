import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthModule } from '../auth/auth.module.js';
import { AuthService } from '../auth/auth.service.js';
import type { AppConfig } from '../config/config.js';
import { CONFIG } from '../config/config.module.js';
import type { GqlContext } from './context.js';
import { GraphiqlController } from './graphiql.controller.js';
import { httpOptions } from './http-options.js';
import { LoadersFactory } from './loaders.js';
import { LoadersModule } from './loaders.module.js';
import { inlinePlainFields } from './plain-fields.js';
import { UsersModule } from '../users/users.module.js';
import { SocketSessions } from './socket-sessions.js';
import { SubscriptionServer } from './subscription-server.js';

/**
 * Mercurius on Fastify, with graphql-jit, and graphql-ws subscriptions on the same path. Each
 * request gets its viewer (from the bearer token) and its own DataLoaders.
 */
@Module({
  imports: [
    GraphQLModule.forRootAsync<MercuriusDriverConfig>({
      driver: MercuriusDriver,
      imports: [LoadersModule, AuthModule],
      inject: [LoadersFactory, AuthService, CONFIG],
      useFactory: (loaders: LoadersFactory, auth: AuthService, config: AppConfig): MercuriusDriverConfig => ({
        path: '/graphql',
        autoSchemaFile: true,
        sortSchema: true,
        // Nest would run an introspection query over the new schema to check it (100 ms at
        // start-up); GraphQL validates the schema before the first operation anyway.
        buildSchemaOptions: { skipCheck: true },
        graphiql: false,
        jit: 1,
        transformSchema: inlinePlainFields,
        context: async (req: FastifyRequest, reply: FastifyReply): Promise<GqlContext> => {
          try {
            const viewer = await auth.viewerFrom(req.headers.authorization);
            return { req, reply, viewer, loaders: loaders.create(viewer) };
          } catch (error) {
            // Over the request limit, or the database unreachable: the auth guard reports it on
            // every operation (thrown here, it would bypass the error formatter).
            return { req, reply, viewer: null, refusal: error, loaders: loaders.create(null) };
          }
        },
        ...httpOptions(config.limits),
      }),
    }),
    AuthModule,
    LoadersModule,
    UsersModule,
  ],
  controllers: [GraphiqlController],
  providers: [SocketSessions, SubscriptionServer],
})
export class GraphqlModule {}
