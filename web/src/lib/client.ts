import { createClient as createSocketClient, type Client as SocketClient } from 'graphql-ws';
import { cacheExchange, Client, fetchExchange, mapExchange, subscriptionExchange } from 'urql';
import { isUnauthenticated } from './errors';

export interface ApiClient {
  client: Client;
  dispose(): void;
}

/** Close codes the service uses when a socket's session ends (token expired, account changed). */
const SESSION_ENDED_CODES = new Set([4401, 4403]);

/**
 * The GraphQL client for one session: queries and mutations over HTTP with the token as
 * `Authorization: Bearer`, live activity over the graphql-ws protocol at the same /graphql
 * (authenticated in connection_init). When the service answers UNAUTHENTICATED, or closes the
 * socket because the session ended, `onSessionEnded` is called once.
 */
export function createApiClient(token: string | null, onSessionEnded: (reason: 'expired' | 'revoked') => void): ApiClient {
  let ended = false;
  const end = (reason: 'expired' | 'revoked') => {
    if (ended || !token) return;
    ended = true;
    onSessionEnded(reason);
  };
  const origin = globalThis.location?.origin ?? 'http://localhost';
  let socket: SocketClient | undefined;
  const sockets = () =>
    (socket ??= createSocketClient({
      url: `${origin.replace(/^http/, 'ws')}/graphql`,
      lazy: true,
      connectionParams: () => (token ? { authorization: `Bearer ${token}` } : {}),
      retryAttempts: 20,
      shouldRetry: (event) => {
        const code = (event as { code?: number } | undefined)?.code;
        if (code !== undefined && SESSION_ENDED_CODES.has(code)) {
          end(code === 4401 ? 'expired' : 'revoked');
          return false;
        }
        return true;
      },
    }));
  const client = new Client({
    url: `${origin}/graphql`,
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    fetchOptions: (): RequestInit => ({ headers: token ? { authorization: `Bearer ${token}` } : {} }),
    exchanges: [
      mapExchange({
        onError(error) {
          if (isUnauthenticated(error)) end('expired');
        },
      }),
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query || '' };
          return {
            subscribe(sink) {
              const unsubscribe = sockets().subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
  return {
    client,
    dispose() {
      ended = true;
      // Disposing while the socket is still connecting settles that connection attempt with the
      // close event that ended it; it has been handled above (shouldRetry), so it is not an error here.
      Promise.resolve(socket?.dispose()).catch(() => undefined);
    },
  };
}
