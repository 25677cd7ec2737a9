import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { parse, specifiedRules, validate, type GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { AuthService } from '../auth/auth.service.js';
import type { Viewer } from '../auth/viewer.js';
import type { AppConfig } from '../config/config.js';
import { CONFIG } from '../config/config.module.js';
import { costErrors } from './cost.js';
import { formatErrors } from './error-formatter.js';
import { limitRules, parseOptions } from './limits.js';
import { LoadersFactory } from './loaders.js';

type ConnectionExtra = { viewer?: Viewer } & Record<PropertyKey, unknown>;

/**
 * GraphQL over WebSocket at /graphql, with the graphql-ws package's reference server, so the
 * protocol's rules and close codes hold. The client authenticates in connection_init with
 * `{ "authorization": "Bearer <token>" }`; each subscriber sees only what it may see.
 */
@Injectable()
export class SubscriptionServer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Subscriptions');
  private server?: WebSocketServer;
  private dispose?: () => void | Promise<void>;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly schemaHost: GraphQLSchemaHost,
    private readonly auth: AuthService,
    private readonly loaders: LoadersFactory,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  private get formatOptions() {
    return { hideSuggestions: !this.config.limits.introspection };
  }

  onApplicationBootstrap(): void {
    this.server = new WebSocketServer({ server: this.adapterHost.httpAdapter.getHttpServer(), path: '/graphql' });
    const server = useServer<Record<string, unknown> | undefined, ConnectionExtra>(
      {
        schema: this.schemaHost.schema,
        connectionInitWaitTimeout: this.config.wsInitTimeoutMs,
        onConnect: async (ctx) => {
          const params = ctx.connectionParams ?? {};
          const header = params.authorization ?? params.Authorization;
          const viewer = await this.auth.viewerFrom(typeof header === 'string' ? header : undefined).catch(() => null);
          if (!viewer) return false;
          ctx.extra.viewer = viewer;
          return true;
        },
        context: (ctx) => {
          const viewer = ctx.extra.viewer ?? null;
          const context = {
            viewer,
            loaders: this.loaders.create(viewer),
            renewLoaders: () => {
              context.loaders = this.loaders.create(viewer);
            },
          };
          return context;
        },
        // Errors leave with the same codes and masking as over HTTP.
        // The same document limits as over HTTP (the cost with the operation's variables), checked before anything runs.
        onSubscribe: (_ctx, _id, payload) => {
          let document;
          try {
            document = parse(payload.query, parseOptions(this.config.limits));
          } catch (error) {
            return [error as GraphQLError];
          }
          const errors = validate(this.schemaHost.schema, document, [...specifiedRules, ...limitRules(this.config.limits)]);
          if (errors.length) return errors;
          const tooCostly = costErrors(this.schemaHost.schema, document, payload.variables, payload.operationName, this.config.limits);
          if (tooCostly.length) return tooCostly;
          return { schema: this.schemaHost.schema, document, variableValues: payload.variables, operationName: payload.operationName };
        },
        onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? formatErrors(result, this.formatOptions).response : undefined),
        onError: (_ctx, _id, _payload, errors) => formatErrors({ errors: [...errors] }, this.formatOptions).response.errors?.map((e) => e.toJSON()),
      },
      this.server,
    );
    this.dispose = () => server.dispose();
    this.logger.log('graphql-ws subscriptions at /graphql');
  }

  /** Closes every subscription (code 1001, going away) before the HTTP server stops. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.dispose?.();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
