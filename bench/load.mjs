// One load run with autocannon, meant to be started on its own core (taskset -c 1). Takes a JSON
// description as its argument: { url, body, headers, connections, duration, uniqueHeader? }; prints a JSON summary.
// A 2xx answer whose body carries GraphQL `errors` counts as an error too.
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';

const spec = JSON.parse(process.argv[2]);
const result = await autocannon({
  url: spec.url,
  method: 'POST',
  headers: { 'content-type': 'application/json', ...spec.headers },
  body: JSON.stringify(spec.body),
  connections: spec.connections,
  duration: spec.duration,
  // A slow answer counts in the latency; only one slower than this counts as an error.
  timeout: spec.timeout ?? 60,
  verifyBody: (body) => !body.includes('"errors"'),
  // A header that must be new with each request (an idempotency key): set per request.
  ...(spec.uniqueHeader
    ? { requests: [{ setupRequest: (request) => ({ ...request, headers: { ...request.headers, [spec.uniqueHeader]: randomUUID() } }) }] }
    : {}),
});
console.log(
  JSON.stringify({
    requests: result.requests.total,
    sent: result.requests.sent,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    graphqlErrors: result.mismatches,
    duration: result.duration,
  }),
);
