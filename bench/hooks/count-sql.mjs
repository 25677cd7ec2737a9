// Preloaded into every benchmarked server (`node --import ./bench/hooks/count-sql.mjs`): counts the
// SQL statements sent through pg's Client.prototype.query, and on request records their text and
// parameters (to EXPLAIN them later). A side HTTP endpoint on 127.0.0.1:$BENCH_COUNTER_PORT serves
//   GET  /count       {"count": n}
//   POST /log/start   starts recording (clears what was recorded)
//   POST /log/stop    stops and returns [{"text", "values"}]
import http from 'node:http';
import pg from 'pg';

let count = 0;
let recording = false;
let recorded = [];

const query = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(config, values, callback) {
  count++;
  if (recording) {
    const text = typeof config === 'string' ? config : config?.text;
    const params = Array.isArray(values) ? values : config?.values;
    recorded.push({ text, values: params ?? [] });
  }
  return query.call(this, config, values, callback);
};

const port = Number(process.env.BENCH_COUNTER_PORT);
if (port) {
  const server = http.createServer((req, res) => {
    let body;
    if (req.url === '/count') body = { count };
    else if (req.url === '/log/start') {
      recorded = [];
      recording = true;
      body = { recording };
    } else if (req.url === '/log/stop') {
      recording = false;
      body = recorded;
    } else {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  server.listen(port, '127.0.0.1');
  server.unref();
}
