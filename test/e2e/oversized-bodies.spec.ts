import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { ADMIN, startTestApp, type TestApp } from '../support/app.js';

/**
 * A body over its route's limit is answered with 413 and its message every time, whether the
 * client waits for `100 Continue` (curl does so for large bodies) or streams the body chunked,
 * and bodies within the limit go through as before. Other requests run meanwhile.
 */

const UPLOAD_LIMIT = 64 * 1024; // IMPORT_UPLOAD_LIMIT_BYTES: a request may carry two such files
const OVERSIZED = 3 * 1024 * 1024;
/** Streamed bodies are larger than what the sockets' buffers hold, so the client still writes when answered. */
const OVERSIZED_STREAM = 12 * 1024 * 1024;
const ROUNDS = 50;
const CHUNK = 64 * 1024;

interface Answer {
  status: number;
  /** The interim statuses received first (100 when the server asked for the body). */
  interim: number[];
  body: any;
}

interface Sending {
  body: Buffer;
  headers?: Record<string, string>;
  /** Announce the length and wait for `100 Continue`, as curl does for large bodies. */
  expectContinue?: boolean;
  /** Send the body chunked, without a Content-Length. */
  chunked?: boolean;
}

/**
 * One POST on a new connection, written by hand over TCP so that the client behaves like curl: it
 * writes its whole body even when the answer comes first (unless it waits for `100 Continue` and is
 * answered instead). The call fails on any connection error, before or after the answer: a reset,
 * or a broken pipe while it still writes.
 */
function send(url: string, path: string, { body, headers = {}, expectContinue = false, chunked = false }: Sending): Promise<Answer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    // Half-open: the client goes on writing after the server has answered and closed its side.
    const socket = connect({ port: Number(port), host: hostname, allowHalfOpen: true });
    const interim: number[] = [];
    let received = Buffer.alloc(0);
    let answer: Answer | undefined;
    let writing = false;
    let sent = false;
    const settle = () => {
      if (answer && (sent || (expectContinue && !writing))) {
        resolve(answer);
        socket.destroy();
      }
    };
    const writeBody = async () => {
      writing = true;
      for (let at = 0; at < body.length; at += CHUNK) {
        const piece = body.subarray(at, at + CHUNK);
        const framed = chunked ? Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')]) : piece;
        if (!socket.write(framed)) await new Promise((drained) => socket.once('drain', drained));
      }
      if (chunked) socket.write('0\r\n\r\n');
      sent = true;
      settle();
    };
    socket.on('error', (error) =>
      reject(new Error(`${path}: ${error.message} (interim ${interim.join(',') || 'none'}, answered ${answer?.status ?? 'no'})`)),
    );
    socket.on('data', (data: Buffer) => {
      received = Buffer.concat([received, data]);
      for (;;) {
        const end = received.indexOf('\r\n\r\n');
        if (end < 0 || answer) return;
        const head = received.subarray(0, end).toString('latin1').split('\r\n');
        const status = Number(head[0].split(' ')[1]);
        if (status === 100) {
          interim.push(100);
          received = received.subarray(end + 4);
          void writeBody();
          continue;
        }
        const length = Number(head.find((line) => /^content-length:/i.test(line))?.split(':')[1] ?? 0);
        if (received.length < end + 4 + length) return;
        const text = received.subarray(end + 4, end + 4 + length).toString('utf8');
        answer = { status, interim, body: text ? JSON.parse(text) : null };
        settle();
        return;
      }
    });
    const lines = [
      `POST ${path} HTTP/1.1`,
      `Host: ${hostname}:${port}`,
      ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
      chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${body.length}`,
      ...(expectContinue ? ['Expect: 100-continue'] : []),
    ];
    socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    if (!expectContinue) void writeBody();
  });
}

function multipart(name: string, content: Buffer): { body: Buffer; type: string } {
  const boundary = `----ratify${Date.now()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${name}.csv"\r\nContent-Type: text/csv\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, content, tail]), type: `multipart/form-data; boundary=${boundary}` };
}

describe('oversized request bodies', () => {
  let t: TestApp;
  let token: string;
  let background: { stop(): Promise<number> };

  beforeAll(async () => {
    t = await startTestApp({ IMPORT_UPLOAD_LIMIT_BYTES: String(UPLOAD_LIMIT) });
    token = await t.login(ADMIN.email, ADMIN.password);
    // Ordinary requests keep running beside every test of this file.
    let running = true;
    let answered = 0;
    const loop = (async () => {
      while (running) {
        const response = await t.gql('{ states(first: 5) { edges { node { iso3 } } } }', undefined, token);
        if (response.status !== 200 || response.errors) throw new Error(`an ordinary request failed: ${JSON.stringify(response)}`);
        answered++;
      }
    })();
    background = {
      async stop() {
        running = false;
        await loop;
        return answered;
      },
    };
  });

  afterAll(async () => {
    await t?.close();
  });

  const graphqlJson = { 'content-type': 'application/json' };
  const oversizedJson = Buffer.from(JSON.stringify({ query: '{ __typename }', padding: 'x'.repeat(OVERSIZED) }));
  const streamedJson = Buffer.from(JSON.stringify({ query: '{ __typename }', padding: 'x'.repeat(OVERSIZED_STREAM) }));
  const tooLargeGraphql = { errors: [{ message: 'Request body is too large', extensions: { code: 'BAD_REQUEST' } }] };

  it('refuses an oversized GraphQL body announced with Expect: 100-continue before asking for it', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const answer = await send(t.url, '/graphql', { body: oversizedJson, headers: graphqlJson, expectContinue: true });
      expect(answer).toEqual({ status: 413, interim: [], body: tooLargeGraphql });
    }
  });

  it('answers 413 to an oversized GraphQL body sent chunked, and the client reads it', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const answer = await send(t.url, '/graphql', { body: streamedJson, headers: graphqlJson, chunked: true, expectContinue: true });
      expect(answer).toEqual({ status: 413, interim: [100], body: tooLargeGraphql });
    }
  });

  it('refuses an oversized upload announced with Expect: 100-continue before asking for it', async () => {
    const { body, type } = multipart('contacts', Buffer.alloc(OVERSIZED, 'a'));
    for (let round = 0; round < ROUNDS; round++) {
      const answer = await send(t.url, '/imports/spreadsheet?dryRun=true', {
        body,
        headers: { 'content-type': type, authorization: `Bearer ${token}` },
        expectContinue: true,
      });
      expect(answer).toEqual({
        status: 413,
        interim: [],
        body: { code: 'BAD_REQUEST', message: 'The upload is larger than the limit: two files of IMPORT_UPLOAD_LIMIT_BYTES at most' },
      });
    }
  });

  it('answers 413 to an oversized upload sent chunked, and the client reads it', async () => {
    const { body, type } = multipart('contacts', Buffer.alloc(OVERSIZED_STREAM, 'a'));
    for (let round = 0; round < ROUNDS; round++) {
      const answer = await send(t.url, '/imports/spreadsheet?dryRun=true', {
        body,
        headers: { 'content-type': type, authorization: `Bearer ${token}` },
        chunked: true,
        expectContinue: true,
      });
      expect(answer).toEqual({
        status: 413,
        interim: [100],
        body: { code: 'BAD_REQUEST', message: 'A file is larger than the upload limit (IMPORT_UPLOAD_LIMIT_BYTES)' },
      });
    }
  });

  it('still takes bodies within the limit, with or without Expect: 100-continue or chunking', async () => {
    const query = Buffer.from(JSON.stringify({ query: '{ __typename }', padding: 'x'.repeat(100_000) }));
    const typename = { data: { __typename: 'Query' } };
    for (let round = 0; round < ROUNDS; round++) {
      expect(await send(t.url, '/graphql', { body: query, headers: graphqlJson, expectContinue: true })).toEqual({
        status: 200,
        interim: [100],
        body: typename,
      });
      expect(await send(t.url, '/graphql', { body: query, headers: graphqlJson, chunked: true })).toEqual({
        status: 200,
        interim: [],
        body: typename,
      });
    }
    const { body, type } = multipart('contacts', readFileSync(join(process.cwd(), 'data/samples/contacts.csv')));
    const headers = { 'content-type': type, authorization: `Bearer ${token}` };
    for (const sending of [{ expectContinue: true }, { chunked: true }]) {
      const answer = await send(t.url, '/imports/spreadsheet?dryRun=true', { body, headers, ...sending });
      expect(answer.status).toBe(200);
      expect(answer.interim).toEqual(sending.expectContinue ? [100] : []);
      expect(answer.body).toMatchObject({ dryRun: true, rejected: 0 });
    }
  });

  it('kept answering ordinary requests meanwhile', async () => {
    expect(await background.stop()).toBeGreaterThan(ROUNDS);
  });
});
