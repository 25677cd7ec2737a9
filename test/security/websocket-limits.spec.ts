import WebSocket from 'ws';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { provisionDatabase, type ProvisionedDatabase } from '../support/provision.js';
import { login, startService, type Service } from '../support/service.js';
import { connect, openSession, wsUrl } from '../support/websocket.js';

const BODY_LIMIT = 64 * 1024;

describe('WebSocket frames are limited to the HTTP body limit', () => {
  let database: ProvisionedDatabase;
  let service: Service;
  let url: string;

  beforeAll(async () => {
    database = await provisionDatabase();
    // A process of its own, so that a crash or an exhausted heap would show.
    service = startService({ ...database.env, HTTP_BODY_LIMIT_BYTES: String(BODY_LIMIT), LOG_LEVEL: 'log' });
    url = await service.url;
  }, 60_000);

  afterAll(async () => {
    if (service && service.child.exitCode === null) {
      service.child.kill('SIGTERM');
      await service.exited;
    }
    await database?.dispose();
  });

  it('closes with 1009 on a frame twice the limit, before or after connection_init, and keeps serving', async () => {
    const oversized = JSON.stringify({
      type: 'connection_init',
      payload: { authorization: 'Bearer x', padding: 'x'.repeat(2 * BODY_LIMIT) },
    });
    const before = await connect(url);
    before.send(oversized);
    expect(await before.closedWithin(2000)).toMatchObject({ code: 1009 });

    const token = await login(url);
    const after = await openSession(url, token);
    after.send({ type: 'subscribe', id: 'big', payload: { query: '{ me { id } }', variables: { padding: 'x'.repeat(2 * BODY_LIMIT) } } });
    expect(await after.closedWithin(2000)).toMatchObject({ code: 1009 });

    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(200);
    expect(service.child.exitCode).toBeNull();
    // A frame within the limit is still served on a new socket.
    const fine = await openSession(url, token);
    expect((await fine.request('{ me { email } }')).data).toEqual({ me: { email: 'admin@example.org' } });
    fine.socket.close(1000);
    // The client's mistake is not logged as an internal error.
    expect(service.output()).not.toContain('Internal error');
  });
});

describe('WebSocket connections per IP address', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ WS_MAX_CONNECTIONS_PER_IP: '3' });
  });

  afterAll(async () => {
    await t?.close();
  });

  /** The HTTP status the upgrade was refused with, or 101 when the socket opened. */
  function upgrade(): Promise<{ status: number; socket: WebSocket }> {
    const socket = new WebSocket(wsUrl(t.url), 'graphql-transport-ws');
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve({ status: 101, socket }));
      socket.once('unexpected-response', (request, response) => {
        response.resume();
        request.destroy();
        resolve({ status: response.statusCode ?? 0, socket });
      });
      socket.once('error', reject);
    });
  }

  it('refuses the upgrade with 429 past WS_MAX_CONNECTIONS_PER_IP, and accepts again once one closes', async () => {
    const open = await Promise.all([upgrade(), upgrade(), upgrade(), upgrade(), upgrade()]);
    expect(open.map((o) => o.status).sort()).toEqual([101, 101, 101, 429, 429]);
    const first = open.find((o) => o.status === 101)!.socket;
    const closed = new Promise((resolve) => first.once('close', resolve));
    first.close(1000);
    await closed;
    await new Promise((resolve) => setTimeout(resolve, 100));
    const again = await upgrade();
    expect(again.status).toBe(101);
    expect((await upgrade()).status).toBe(429);
    for (const { status, socket } of [...open, again]) if (status === 101) socket.terminate();
  });
});

describe('WS_MAX_CONNECTIONS_PER_IP', () => {
  it('defaults to 20 and must be a whole number of at least 1', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).wsMaxConnectionsPerIp).toBe(20);
    expect(loadConfig({ NODE_ENV: 'test', WS_MAX_CONNECTIONS_PER_IP: '5' }).wsMaxConnectionsPerIp).toBe(5);
    expect(() => loadConfig({ NODE_ENV: 'test', WS_MAX_CONNECTIONS_PER_IP: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'test', WS_MAX_CONNECTIONS_PER_IP: 'many' })).toThrow(ConfigError);
  });
});
