// One load run with autocannon, meant to be started on its own core (taskset -c 1). Takes a JSON
// description as its argument: { url, body, headers, connections, duration, uniqueHeader?, items?, bodies? }; prints a JSON summary.
// A 2xx answer whose body carries GraphQL `errors` counts as an error too.
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';

const spec = JSON.parse(process.argv[2]);
const body = JSON.stringify(spec.body);

/**
 * What changes from one request to the next: a new value of `uniqueHeader` (an idempotency key);
 * with `items` ([{ id, version }]), each connection updates its own item from the version its last
 * answer gave (the body's "__ITEM_ID__" and "__ITEM_VERSION__"); with `bodies`, the bodies in turn.
 */
function perRequest() {
  if (!spec.uniqueHeader && !spec.items && !spec.bodies) return {};
  let next = 0;
  // The items no request is updating now (one per connection and more): a request takes one, its
  // answer gives it back with its new version. (autocannon clears a connection's context after
  // each request when there is one request in the list, so the item travels in it only until then.)
  const free = (spec.items ?? []).map((item) => ({ ...item }));
  const setupRequest = (request, context) => {
    const headers = spec.uniqueHeader ? { ...request.headers, [spec.uniqueHeader]: randomUUID() } : request.headers;
    if (spec.items) {
      const item = free.shift();
      if (!item) throw new Error('more requests in flight than items');
      context.item = item;
      const filled = body.replace('"__ITEM_ID__"', JSON.stringify(item.id)).replace('"__ITEM_VERSION__"', String(item.version));
      return { ...request, headers, body: filled };
    }
    if (spec.bodies) return { ...request, headers, body: JSON.stringify(spec.bodies[next++ % spec.bodies.length]) };
    return { ...request, headers };
  };
  const onResponse = (status, answer, context) => {
    if (!context.item) return;
    // A CONFLICT (counted as an error) gives the current version, which the next update starts
    // from, as a user who reloads would: one stale answer does not fail the item's later updates.
    const version = /"(?:version|actualVersion)"\s*:\s*(\d+)/.exec(answer ?? '')?.[1];
    if (version) context.item.version = Number(version);
    free.push(context.item);
    context.item = undefined;
  };
  return { requests: [{ setupRequest, onResponse }] };
}

const result = await autocannon({
  url: spec.url,
  method: 'POST',
  headers: { 'content-type': 'application/json', ...spec.headers },
  body,
  connections: spec.connections,
  duration: spec.duration,
  // A slow answer counts in the latency; only one slower than this counts as an error.
  timeout: spec.timeout ?? 60,
  verifyBody: (body) => !body.includes('"errors"'),
  ...perRequest(),
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
