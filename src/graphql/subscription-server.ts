import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost, type AbstractHttpAdapter } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { GraphQLError, parse, specifiedRules, validate } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { IncomingMessage, Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { AuthService } from '../auth/auth.service.js';
import type { Viewer } from '../auth/viewer.js';
import { AppError } from '../common/errors.js';
import type { AppConfig } from '../config/config.js';
import { CONFIG } from '../config/config.module.js';
import { costErrors } from './cost.js';
import { formatErrors } from './error-formatter.js';
import { limitRules, parseOptions } from './limits.js';
import { LoadersFactory } from './loaders.js';
import { SocketSessions, type SocketSession } from './socket-sessions.js';

type ConnectionExtra = { socket: WebSocket; request: IncomingMessage; session?: SocketSession } & Record<PropertyKey, unknown>;

const asErrors = (error: unknown) => [
  error instanceof GraphQLError ? error : new GraphQLError((error as Error).message, { originalError: error as Error }),
];

/**
 * GraphQL over WebSocket at /graphql, with the graphql-ws package's reference server, so the
 * protocol's rules and close codes hold. The client authenticates in connection_init with
 * `{ "authorization": "Bearer <token>" }`; each operation on the socket is then checked as an HTTP
 * request is (see SocketSessions), and each subscriber sees only what it may see. Frames are limited
 * to HTTP_BODY_LIMIT_BYTES (larger: closed with 1009) and open sockets per IP address to
 * WS_MAX_CONNECTIONS_PER_IP (more: the upgrade is refused with HTTP 429).
 */
@Injectable()
export class SubscriptionServer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Subscriptions');
  private readonly connectionsByIp = new Map<string, number>();
  private server?: WebSocketServer;
  private dispose?: () => void | Promise<void>;

  constructor(
    private readonly adapterHost: HttpAdapterHost<AbstractHttpAdapter<Server>>,
    private readonly schemaHost: GraphQLSchemaHost,
    private readonly auth: AuthService,
    private readonly sessions: SocketSessions,
    private readonly loaders: LoadersFactory,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  private get formatOptions() {
    return { hideSuggestions: !this.config.limits.introspection };
  }

  private context(viewer: Viewer) {
    const context = {
      viewer,
      loaders: this.loaders.create(viewer),
      renewLoaders: () => {
        context.loaders = this.loaders.create(viewer);
      },
    };
    return context;
  }

  onApplicationBootstrap(): void {
    this.server = new WebSocketServer({
      server: this.adapterHost.httpAdapter.getHttpServer(),
      path: '/graphql',
      maxPayload: this.config.limits.bodyBytes,
      // Decided and counted in the same tick as the connection event, so concurrent upgrades cannot overshoot.
      verifyClient: ({ req }, accept) => {
        if ((this.connectionsByIp.get(ip(req)) ?? 0) < this.config.wsMaxConnectionsPerIp) return accept(true);
        accept(false, 429, 'Too many open WebSockets from this address');
      },
    });
    const server = useServer<Record<string, unknown> | undefined, ConnectionExtra>(
      {
        schema: this.schemaHost.schema,
        connectionInitWaitTimeout: this.config.wsInitTimeoutMs,
        onConnect: async (ctx) => {
          const params = ctx.connectionParams ?? {};
          const header = params.authorization ?? params.Authorization;
          if (typeof header !== 'string') return false;
          const viewer = await this.auth.viewerFrom(header).catch(() => null);
          const session = viewer && this.sessions.open(ctx.extra.socket, header, viewer);
          if (!session) return false;
          ctx.extra.session = session;
          return true;
        },
        // Each operation is checked as an HTTP request is, then held to the same document limits (the cost
        // with the operation's variables), before anything runs.
        onSubscribe: async (ctx, _id, payload) => {
          const session = ctx.extra.session!;
          let viewer: Viewer | null;
          try {
            viewer = await this.sessions.authorize(session);
          } catch (error) {
            return asErrors(error);
          }
          if (!viewer) return asErrors(new AppError('UNAUTHENTICATED', 'This connection has ended: sign in and connect again'));
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
          return {
            schema: this.schemaHost.schema,
            document,
            variableValues: payload.variables,
            operationName: payload.operationName,
            contextValue: this.context(viewer),
          };
        },
        // Nothing leaves while the account is being checked again; on a closed socket, nothing leaves at all.
        // Errors leave with the same codes and masking as over HTTP.
        onNext: async (ctx, _id, _payload, _args, result) => {
          await this.sessions.settled(ctx.extra.session!);
          return result.errors ? formatErrors(result, this.formatOptions).response : undefined;
        },
        onError: async (ctx, _id, _payload, errors) => {
          if (ctx.extra.session) await this.sessions.settled(ctx.extra.session);
          return formatErrors({ errors: [...errors] }, this.formatOptions).response.errors?.map((e) => e.toJSON());
        },
      },
      this.server,
    );
    // After graphql-ws's own listener, in the same tick as the upgrade was verified.
    this.server.on('connection', (socket, request) => this.track(socket, request));
    this.dispose = () => server.dispose();
    this.logger.log('graphql-ws subscriptions at /graphql');
  }

  /** Counts the socket against its address until it closes; a frame over the limit is the client's mistake, not an internal error. */
  private track(socket: WebSocket, request: IncomingMessage): void {
    const address = ip(request);
    this.connectionsByIp.set(address, (this.connectionsByIp.get(address) ?? 0) + 1);
    socket.once('close', () => {
      const left = (this.connectionsByIp.get(address) ?? 1) - 1;
      if (left > 0) this.connectionsByIp.set(address, left);
      else this.connectionsByIp.delete(address);
    });
    // ws has already closed the socket with the right code (1009 for a frame too large, 1002 for a
    // protocol error); graphql-ws would log each one as an internal error.
    socket.removeAllListeners('error');
    socket.on('error', (error) => {
      this.logger.debug(`WebSocket from ${address} closed: ${error.message}`);
      if (socket.readyState === socket.OPEN) socket.close(1011, 'Internal server error');
    });
  }

  /** Closes every subscription (code 1001, going away) before the HTTP server stops. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.dispose?.();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** The peer's address, as HTTP requests see it (no proxy headers are trusted). */
function ip(request: IncomingMessage): string {
  return request.socket.remoteAddress ?? 'unknown';
}
