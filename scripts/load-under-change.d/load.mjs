// The load and the changes of scripts/load-under-change, with Node's own fetch and http2 (no packages): GraphQL
// queries over HTTP/1.1 keep-alive connections and gRPC Get calls over HTTP/2 sessions, each connection one request
// at a time, while the metadata changes every --change-ms. Counts every non-success as failed: an HTTP status other
// than 200, a GraphQL response with errors, a gRPC status other than OK. Samples the engine's RSS from /proc.
import http2 from "node:http2";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({
  options: {
    http: { type: "string" }, grpc: { type: "string" }, secret: { type: "string" }, pid: { type: "string" },
    duration: { type: "string" }, connections: { type: "string" }, "change-ms": { type: "string" }, changes: { type: "string" },
  },
});
const durationMs = Number(args.duration) * 1000;
const connections = Number(args.connections);
const resource = `LoadItem${process.pid}`;
const field = resource[0].toLowerCase() + resource.slice(1);

const token = await (async () => {
  const response = await fetch(`${args.http}/connect/token`, {
    method: "POST",
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: "engine-admin", client_secret: args.secret }),
  });
  return (await response.json()).access_token;
})();
const authorization = `Bearer ${token}`;

async function put(name, fields, destructive = false) {
  const response = await fetch(`${args.http}/meta/resources/${name}${destructive ? "?allowDestructive=true" : ""}`, {
    method: "PUT",
    headers: { authorization, "content-type": "application/json" },
    body: JSON.stringify({ name, fields }),
  });
  if (response.status !== 200) {
    throw new Error(`PUT /meta/resources/${name}: ${response.status} ${await response.text()}`);
  }
  return (await response.json()).version;
}

async function graphql(query) {
  const response = await fetch(`${args.http}/graphql`, {
    method: "POST",
    headers: { authorization, "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: await response.json() };
}

// The resource under load, with a few records to read.
const fields = [{ name: "title", type: "String", required: true }, { name: "pages", type: "Int" }];
await put(resource, fields);
const ids = [];
for (let i = 0; i < 20; i++) {
  const { body } = await graphql(`mutation { create${resource}(data: { title: "book ${i}", pages: ${i + 1} }) { id } }`);
  ids.push(body.data[`create${resource}`].id);
}

const stats = { graphql: newStats(), grpc: newStats() };
function newStats() {
  return { ok: 0, failed: 0, latencies: [], errors: new Map() };
}
function record(kind, started, failure) {
  const s = stats[kind];
  s.latencies.push(performance.now() - started);
  if (failure) {
    s.failed++;
    s.errors.set(failure, (s.errors.get(failure) ?? 0) + 1);
  } else {
    s.ok++;
  }
}

const deadline = performance.now() + durationMs;
const query = JSON.stringify({ query: `query Load { ${field}s(first: 10, orderBy: pages_ASC) { id title pages } }` });

async function graphqlLoop() {
  while (performance.now() < deadline) {
    const started = performance.now();
    try {
      const response = await fetch(`${args.http}/graphql`, {
        method: "POST", headers: { authorization, "content-type": "application/json" }, body: query,
      });
      const body = await response.json();
      record("graphql", started, response.status !== 200 ? `HTTP ${response.status}` : body.errors ? body.errors[0].message : null);
    } catch (error) {
      record("graphql", started, error.message);
    }
  }
}

function grpcCall(session, id) {
  const text = Buffer.from(id, "ascii");
  const message = Buffer.concat([Buffer.from([0x0a, text.length]), text]);
  const frame = Buffer.alloc(5 + message.length);
  frame.writeUInt32BE(message.length, 1);
  message.copy(frame, 5);
  return new Promise((resolve) => {
    const stream = session.request({
      ":method": "POST", ":path": `/engine.data.v1.${resource}Service/Get${resource}`,
      "content-type": "application/grpc", te: "trailers", authorization,
    });
    let status = null;
    let headersStatus = null;
    let message = "";
    stream.on("response", (headers) => {
      headersStatus = headers["grpc-status"] ?? null; // a trailers-only response carries the status in the headers
      message = headers["grpc-message"] ?? message;
    });
    stream.on("trailers", (trailers) => {
      status = trailers["grpc-status"];
      message = trailers["grpc-message"] ?? message;
    });
    stream.on("data", () => {});
    stream.on("end", () => {
      const final = status ?? headersStatus;
      resolve(final === "0" ? null : `grpc-status ${final}: ${decodeURIComponent(message)}`);
    });
    stream.on("error", (error) => resolve(error.message));
    stream.end(frame);
  });
}

async function grpcLoop() {
  const session = http2.connect(args.grpc);
  session.on("error", () => {});
  let i = 0;
  while (performance.now() < deadline) {
    const started = performance.now();
    record("grpc", started, await grpcCall(session, ids[i++ % ids.length]));
  }
  session.close();
}

// The changes, every one a new metadata version. --changes add (the default): every tick adds a field to the resource
// under load, every fifth tick also creates a resource; the model keeps growing. --changes cycle keeps its size
// bounded, so memory can be judged: odd ticks add a field, even ticks drop it again (ALTER TABLE ... DROP COLUMN);
// tick 5 of every 10 creates a side resource and tick 10 deletes it.
let changes = 0;
let version = 0;
const changeErrors = [];
const cycle = args.changes === "cycle";
const side = `Side${process.pid}`;
async function addOnly(tick) {
  fields.push({ name: `extra${tick}`, type: tick % 2 ? "String" : "Int" });
  version = await put(resource, fields);
  if (tick % 5 === 0) {
    version = await put(`${side}x${tick}`, [{ name: "label", type: "String" }]);
  }
}
const changer = setInterval(async () => {
  const tick = ++changes;
  try {
    if (!cycle) {
      await addOnly(tick);
      return;
    }
    const extra = tick % 2 ? [{ name: `extra${tick}`, type: tick % 4 === 1 ? "String" : "Int" }] : [];
    version = await put(resource, [...fields, ...extra], extra.length === 0);
    if (tick % 10 === 5) {
      version = await put(side, [{ name: "label", type: "String" }]);
    } else if (tick % 10 === 0) {
      const response = await fetch(`${args.http}/meta/resources/${side}?force=true`, { method: "DELETE", headers: { authorization } });
      if (response.status !== 200) {
        throw new Error(`DELETE /meta/resources/${side}: ${response.status} ${await response.text()}`);
      }
      version = (await response.json()).version;
    }
  } catch (error) {
    changeErrors.push(error.message);
  }
}, Number(args["change-ms"]));

const rss = [];
function sampleRss() {
  const status = readFileSync(`/proc/${args.pid}/status`, "utf8");
  rss.push(Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024);
}
sampleRss();
const sampler = setInterval(sampleRss, 5000);

const startedAt = performance.now();
await Promise.all([
  ...Array.from({ length: connections }, graphqlLoop),
  ...Array.from({ length: connections }, grpcLoop),
]);
const elapsed = (performance.now() - startedAt) / 1000;
clearInterval(changer);
clearInterval(sampler);
sampleRss();

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
for (const [kind, s] of Object.entries(stats)) {
  console.log(`${kind}: ${s.ok} ok, ${s.failed} failed, ${(s.ok / elapsed).toFixed(0)} req/s, ` +
    `p50 ${percentile(s.latencies, 50).toFixed(1)} ms, p99 ${percentile(s.latencies, 99).toFixed(1)} ms`);
  for (const [error, count] of s.errors) {
    console.log(`  ${count} × ${error}`);
  }
}
console.log(`metadata: ${changes} changes (${changeErrors.length} failed), last version ${version}`);
for (const error of changeErrors.slice(0, 5)) {
  console.log(`  ${error}`);
}
console.log(`engine RSS (MiB, every 5 s): ${rss.map((v) => v.toFixed(0)).join(" ")}`);
const failed = stats.graphql.failed + stats.grpc.failed + changeErrors.length;
console.log(failed === 0 ? "result: no failed request" : `result: ${failed} failures`);
process.exit(failed === 0 ? 0 : 1);
