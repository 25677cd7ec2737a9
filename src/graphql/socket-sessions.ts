import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type WebSocket from 'ws';
import { AuthService } from '../auth/auth.service.js';
import type { Viewer } from '../auth/viewer.js';
import type { AppConfig } from '../config/config.js';
import { CONFIG } from '../config/config.module.js';
import { ActiveUsersCache } from '../users/active-users.cache.js';

/** The graphql-ws close codes a session ends with: the token expired, or the account no longer holds. */
export const TOKEN_EXPIRED = { code: 4401, reason: 'Unauthorized: the token expired' } as const;
export const ACCOUNT_CHANGED = { code: 4403, reason: 'Forbidden: the account was disabled or changed' } as const;

/** setTimeout's longest delay (about 24.8 days); a later expiry is scheduled in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** An authenticated WebSocket: the token sent in connection_init and the viewer it named then. */
export interface SocketSession {
  readonly socket: WebSocket;
  readonly authorization: string;
  /** As at connection_init; a changed role or organization ends the session. */
  readonly opened: Viewer;
  /** As at the latest check (the display name may have changed). */
  viewer: Viewer;
  readonly expiresAt: number;
  /** The re-check under way, if any: nothing is delivered until it settles. */
  checking: Promise<void> | null;
  ended: boolean;
  timer?: NodeJS.Timeout;
}

/**
 * The open WebSocket sessions, each held to the rules of an HTTP request for as long as it lasts:
 * every operation checks the token and its user again (AuthService.viewerFrom, counted against the
 * request limit), and the session is closed (4403; 4401 once the token expired) as soon as the user
 * is disabled, deleted, or has another role or organization than at connection_init. It is told at
 * once of a change made through the service on any instance (ActiveUsersCache.forget), at the
 * token's expiry by a timer, and of any other change (the command line, SQL) by a sweep every
 * USER_CACHE_SECONDS (at least 1 s). From the moment a change is heard of, nothing more is
 * delivered on that user's sockets until their re-check has settled.
 */
@Injectable()
export class SocketSessions implements OnApplicationShutdown {
  private readonly logger = new Logger('SocketSessions');
  private readonly byUser = new Map<string, Set<SocketSession>>();
  private readonly stopListening: () => void;
  private readonly sweepMs: number;
  private sweeper?: NodeJS.Timeout;

  constructor(
    private readonly auth: AuthService,
    activeUsers: ActiveUsersCache,
    @Inject(CONFIG) config: AppConfig,
  ) {
    this.sweepMs = Math.max(config.userCacheSeconds, 1) * 1000;
    this.stopListening = activeUsers.onForget((userId) => {
      for (const session of this.byUser.get(userId) ?? []) this.recheck(session);
    });
  }

  /** Starts the session of a socket whose connection_init named this viewer; null if the token is not valid. */
  open(socket: WebSocket, authorization: string, viewer: Viewer): SocketSession | null {
    const expiresAt = this.auth.tokenExpiresAt(authorization);
    if (expiresAt === null) return null;
    const session: SocketSession = { socket, authorization, opened: viewer, viewer, expiresAt, checking: null, ended: false };
    let sessions = this.byUser.get(viewer.id);
    if (!sessions) this.byUser.set(viewer.id, (sessions = new Set()));
    sessions.add(session);
    socket.once('close', () => this.forgetSession(session));
    this.scheduleExpiry(session);
    this.sweeper ??= setInterval(() => this.sweep(), this.sweepMs).unref();
    return session;
  }

  /**
   * Before an operation: the viewer it runs as, or null when the session no longer holds (it is
   * then closed). Throws what viewerFrom throws (RATE_LIMITED, the database unreachable).
   */
  async authorize(session: SocketSession): Promise<Viewer | null> {
    await this.settled(session);
    if (session.ended) return null;
    return this.check(session, await this.auth.viewerFrom(session.authorization));
  }

  /** Resolves once no re-check is under way; deliveries wait for it. */
  async settled(session: SocketSession): Promise<void> {
    while (session.checking) await session.checking;
  }

  /** Re-checks a session now (counting no request); deliveries wait until it settles. */
  private recheck(session: SocketSession): void {
    if (session.ended) return;
    const previous = session.checking;
    const checking: Promise<void> = (async () => {
      await previous;
      if (session.ended) return;
      try {
        this.check(session, await this.auth.viewerFrom(session.authorization, { countRequest: false }));
      } catch (error) {
        // The database is unreachable: keep the session; the next sweep tries again.
        this.logger.warn(`could not re-check a WebSocket session of user ${session.opened.id}: ${(error as Error).message}`);
      }
    })().finally(() => {
      if (session.checking === checking) session.checking = null;
    });
    session.checking = checking;
  }

  /** Keeps the session if the viewer still matches it, else ends it; the viewer to run as, or null. */
  private check(session: SocketSession, viewer: Viewer | null): Viewer | null {
    if (session.ended) return null;
    const { opened } = session;
    if (!viewer || viewer.id !== opened.id || viewer.role !== opened.role || viewer.organizationId !== opened.organizationId) {
      this.end(session, Date.now() >= session.expiresAt ? TOKEN_EXPIRED : ACCOUNT_CHANGED);
      return null;
    }
    session.viewer = viewer;
    return viewer;
  }

  private scheduleExpiry(session: SocketSession): void {
    const left = session.expiresAt - Date.now();
    if (left <= 0) return this.end(session, TOKEN_EXPIRED);
    session.timer = setTimeout(() => this.scheduleExpiry(session), Math.min(left, MAX_TIMER_MS));
    session.timer.unref();
  }

  private sweep(): void {
    for (const sessions of this.byUser.values()) for (const session of sessions) this.recheck(session);
  }

  /** Closes the socket: graphql-ws sends nothing more on a socket that is closing. */
  private end(session: SocketSession, { code, reason }: { code: number; reason: string }): void {
    if (session.ended) return;
    session.ended = true;
    session.socket.close(code, reason);
    this.forgetSession(session);
  }

  private forgetSession(session: SocketSession): void {
    session.ended = true;
    clearTimeout(session.timer);
    const sessions = this.byUser.get(session.opened.id);
    sessions?.delete(session);
    if (sessions && !sessions.size) this.byUser.delete(session.opened.id);
    if (!this.byUser.size && this.sweeper) {
      clearInterval(this.sweeper);
      this.sweeper = undefined;
    }
  }

  onApplicationShutdown(): void {
    this.stopListening();
    clearInterval(this.sweeper);
  }
}
