import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** How much of a refused body is read and thrown away, at most, so that its client reads the answer. */
export const DRAIN_LIMIT_BYTES = 16 * 1024 * 1024;
/** How long a refused body is drained, at most, before the connection is closed. */
export const DRAIN_LIMIT_MS = 10_000;

const EXPECTS_CONTINUE = /^\s*100-continue\s*$/i;

/** The body limit of a request's route, in bytes. */
export type BodyLimitOf = (request: FastifyRequest) => number;

/**
 * A request body over its route's limit gets its 413 answer, readable by the client:
 *
 * - `Expect: 100-continue`: Node would answer `100 Continue` at once, so the client would start
 *   sending a body that the route then refuses, and the connection would close under it. Here the
 *   `100 Continue` is sent only once the route is about to read a body within its limit; a body
 *   announced as too large is refused before the client sends it.
 * - A body found too large while it streams (chunked, or longer than announced): the answer says
 *   `Connection: close`, and the rest of the body is read and thrown away before the connection
 *   closes, up to DRAIN_LIMIT_BYTES and DRAIN_LIMIT_MS, so that a client still writing is not
 *   reset and reads the answer.
 */
export function answerOversizedBodies(fastify: FastifyInstance, limitOf: BodyLimitOf): void {
  const server = fastify.server;
  server.on('checkContinue', (request: IncomingMessage, response: ServerResponse) => {
    server.emit('request', request, response);
  });

  const continued = new WeakSet<IncomingMessage>();
  fastify.addHook('preParsing', async (request, reply, payload) => {
    if (expectsContinue(request) && !announcedTooLarge(request, limitOf(request))) {
      reply.raw.writeContinue();
      continued.add(request.raw);
    }
    return payload;
  });

  fastify.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode !== 413 || request.raw.complete) return payload;
    // A client told to wait for `100 Continue`, and never told, sends no body: close once answered.
    if (expectsContinue(request) && !continued.has(request.raw)) reply.header('connection', 'close');
    else drainRefusedBody(request, reply);
    return payload;
  });
}

function expectsContinue(request: FastifyRequest): boolean {
  const expect = request.headers.expect;
  return typeof expect === 'string' && EXPECTS_CONTINUE.test(expect);
}

/** Whether the request's Content-Length is over the limit. */
export function announcedTooLarge(request: FastifyRequest, limit: number): boolean {
  const length = Number(request.headers['content-length']);
  return Number.isFinite(length) && length > limit;
}

/**
 * Answers with `Connection: close`, yet reads the rest of the refused body before closing: Node
 * would close such a connection as soon as the answer is written, and closing a socket with unread
 * data resets it, so a client still writing would lose the answer. Here the answer is followed by
 * a half-close, and the connection ends once the body is read, or at the drain limits.
 */
function drainRefusedBody(request: FastifyRequest, reply: FastifyReply): void {
  const raw = request.raw;
  const socket = raw.socket;
  reply.header('connection', 'close');
  const close = () => (socket.writableFinished ? socket.destroy() : socket.once('finish', () => socket.destroy()));
  socket.destroySoon = () => socket.end();
  let drained = 0;
  const timer = setTimeout(() => socket.destroy(), DRAIN_LIMIT_MS);
  timer.unref();
  raw.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > DRAIN_LIMIT_BYTES) socket.destroy();
  });
  raw.once('end', () => {
    clearTimeout(timer);
    close();
  });
  socket.once('close', () => clearTimeout(timer));
  raw.resume();
}
