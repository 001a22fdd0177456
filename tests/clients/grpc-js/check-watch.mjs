// Checks the engine's gRPC Watch stream (SPEC §4) with @grpc/grpc-js, an implementation independent of the engine:
//   node check-watch.mjs <host:port> <Resource>
// The service engine.data.v1.<Resource>Service is discovered through server reflection (no .proto file is read).
// The resource must exist before the check runs and must have these user fields (others must be optional):
//   { "name": "title", "type": "String", "required": true }   -> string title
//   { "name": "rank",  "type": "Int" }                         -> optional int32 rank
// Steps: Watch<Plural> with filter "rank > 10 AND title : <prefix>" is opened and its response headers awaited (the
// engine sends them once it has subscribed); then Create rank 5 (filtered out), Create rank 20, Update it to rank 30
// (update_mask rank), Delete it; the stream must deliver CREATED, UPDATED (updated_fields has "rank") and DELETED for
// that record and nothing for the other one; a Watch with a malformed filter fails with INVALID_ARGUMENT (3).
// Each step prints "ok   <step>" or "FAIL <step> <reason>"; the last line is "N passed, M failed"; exits non-zero
// when anything fails. GRPC_TOKEN (optional) is sent as "authorization: Bearer <token>".
import * as grpc from '@grpc/grpc-js';
import { GrpcReflection } from 'grpc-js-reflection-client';

const [target, resource] = process.argv.slice(2);
if (!target || !resource || !/^[A-Z][A-Za-z0-9]*$/.test(resource)) {
  console.error('usage: node check-watch.mjs <host:port> <Resource>');
  process.exit(2);
}

const PACKAGE = 'engine.data.v1';
const serviceName = `${PACKAGE}.${resource}Service`;
const credentials = grpc.credentials.createInsecure();
const CALL_TIMEOUT_MS = 10_000;
const EVENT_TIMEOUT_MS = 15_000;
const deadline = () => Date.now() + CALL_TIMEOUT_MS;
const metadata = () => {
  const m = new grpc.Metadata();
  if (process.env.GRPC_TOKEN) m.set('authorization', `Bearer ${process.env.GRPC_TOKEN}`);
  return m;
};
setTimeout(() => {
  console.log('FAIL the check did not finish within 120 s');
  console.log(`${passed} passed, ${failed + 1} failed`);
  process.exit(1);
}, 120_000).unref();

let passed = 0;
let failed = 0;
const SKIP = Symbol('skip');
async function step(name, fn) {
  try {
    const result = await fn();
    passed++;
    console.log(`ok   ${name}`);
    return result;
  } catch (error) {
    failed++;
    const reason = error === SKIP ? 'skipped: an earlier step it depends on failed' : describe(error);
    console.log(`FAIL ${name} ${reason.replaceAll('\n', '\n     ')}`);
    return undefined;
  }
}
function describe(error) {
  if (error && typeof error.code === 'number' && 'details' in error) {
    return `gRPC status ${error.code} (${grpc.status[error.code]}): ${error.details}`;
  }
  return error instanceof Error ? error.message : String(error);
}
function need(...values) {
  if (values.some((v) => v === undefined || v === null)) throw SKIP;
}
function assert(condition, message) {
  if (!condition) throw new Error(message);
}
function assertEqual(actual, expected, what) {
  if (actual !== expected) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}
function finish() {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

const protoName = (field) => field.protoName ?? field.name;
const reflection = new GrpcReflection(target, credentials, {}, 'v1');
const descriptor = await step(`reflection v1 describes ${serviceName}`, () =>
  reflection.getDescriptorBySymbol(serviceName, metadata(), { deadline: deadline() }));
if (!descriptor) finish();

const names = await step('the service has a server-streaming Watch whose event has type, the record and updated_fields', () => {
  const root = descriptor.getProtobufJsRoot();
  root.resolveAll();
  const service = root.lookupService(serviceName);
  const watch = Object.values(service.methods).find((m) => m.name.startsWith('Watch'));
  assert(watch, `no Watch rpc in [${Object.keys(service.methods).join(', ')}]`);
  assert(watch.responseStream && !watch.requestStream, 'Watch is not server streaming');
  const message = service.methods[`Get${resource}`].resolvedResponseType;
  const event = watch.resolvedResponseType;
  const fields = Object.fromEntries(event.fieldsArray.map((f) => [protoName(f), f]));
  assert(fields.type?.id === 1 && fields.type.resolvedType?.values?.CREATED === 1 && fields.type.resolvedType.values.DELETED === 3,
    `type: ${JSON.stringify(fields.type?.toJSON())}`);
  const recordField = event.fieldsArray.find((f) => f.resolvedType === message);
  assert(recordField?.id === 2, `no ${resource} field numbered 2 in ${event.name}`);
  assert(fields.updated_fields?.id === 3 && fields.updated_fields.repeated, 'updated_fields = 3 (repeated string)');
  const create = service.methods[`Create${resource}`];
  const resourceField = create.resolvedRequestType.fieldsArray.find((f) => f.resolvedType === message);
  return { watch: watch.name, recordField: protoName(recordField), resourceField: protoName(resourceField) };
});
if (!names) finish();

const packageObject = descriptor.getPackageObject({ keepCase: true, longs: String, enums: String, defaults: false, oneofs: true });
const Client = serviceName.split('.').reduce((o, k) => o?.[k], packageObject);
const client = new Client(target, credentials);
function call(method, request) {
  return new Promise((resolve, reject) => {
    client[method](request, metadata(), { deadline: deadline() }, (error, response) => (error ? reject(error) : resolve(response)));
  });
}

/** Opens a Watch; resolves once the response headers arrived. Events and the end are collected for later steps. */
function openWatch(filter) {
  const stream = client[names.watch]({ filter }, metadata(), { deadline: Date.now() + 110_000 });
  const events = [];
  const waiters = [];
  let ended;
  stream.on('data', (event) => {
    events.push(event);
    waiters.splice(0).forEach((wake) => wake());
  });
  stream.on('error', (error) => {
    ended = error;
    waiters.splice(0).forEach((wake) => wake());
  });
  stream.on('end', () => {
    ended ??= new Error('the stream ended');
    waiters.splice(0).forEach((wake) => wake());
  });
  const opened = new Promise((resolve, reject) => {
    stream.on('metadata', () => resolve(true));
    stream.on('error', reject);
  });
  const until = async (predicate, what) => {
    const stop = Date.now() + EVENT_TIMEOUT_MS;
    while (!predicate(events)) {
      if (ended) throw ended;
      if (Date.now() > stop) throw new Error(`no ${what} within ${EVENT_TIMEOUT_MS} ms; events: ${JSON.stringify(events)}`);
      await new Promise((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 250);
      });
    }
    return events;
  };
  return { stream, events, opened, until };
}

const prefix = `watchjs-${Math.random().toString(36).slice(2, 10)}`;
const watch = openWatch(`rank > 10 AND title : "${prefix}"`);
const subscribed = await step('Watch with a filter opens (response headers received)', () => watch.opened);

const low = await step(`Create${resource} rank 5 (does not match)`, async () => {
  need(subscribed);
  return call(`Create${resource}`, { [names.resourceField]: { title: `${prefix}-low`, rank: 5 } });
});
const high = await step(`Create${resource} rank 20 (matches)`, () =>
  call(`Create${resource}`, { [names.resourceField]: { title: `${prefix}-high`, rank: 20 } }));
await step(`Update${resource} rank 30 with update_mask [rank]`, async () => {
  need(high);
  await call(`Update${resource}`, { [names.resourceField]: { id: high.id, rank: 30 }, update_mask: { paths: ['rank'] } });
});
await step(`Delete${resource}`, async () => {
  need(high);
  await call(`Delete${resource}`, { id: high.id });
});

const record = (event) => event[names.recordField] ?? {};
await step('the stream delivers CREATED, UPDATED (updated_fields has rank) and DELETED for the matching record', async () => {
  need(high);
  const events = await watch.until((list) => list.some((e) => e.type === 'DELETED' && record(e).id === high.id), 'DELETED event');
  const ofHigh = events.filter((e) => record(e).id === high.id);
  assertEqual(JSON.stringify(ofHigh.map((e) => e.type)), JSON.stringify(['CREATED', 'UPDATED', 'DELETED']), 'event types');
  assertEqual(JSON.stringify(ofHigh.map((e) => record(e).rank)), JSON.stringify([20, 30, 30]), 'ranks');
  assert((ofHigh[1].updated_fields ?? []).includes('rank'), `updated_fields of UPDATED: ${JSON.stringify(ofHigh[1].updated_fields)}`);
  assertEqual(record(ofHigh[0]).title, `${prefix}-high`, 'title');
});
await step('the stream delivers nothing for the record the filter excludes', async () => {
  need(low);
  assert(!watch.events.some((e) => record(e).id === low.id), `got ${JSON.stringify(watch.events.filter((e) => record(e).id === low.id))}`);
});
watch.stream.cancel();

await step('Watch with a malformed filter fails with INVALID_ARGUMENT (3)', async () => {
  const bad = openWatch('rank > AND (');
  try {
    await bad.opened;
    await bad.until(() => false, 'error');
  } catch (error) {
    if (typeof error?.code !== 'number') throw error;
    assertEqual(error.code, grpc.status.INVALID_ARGUMENT, `status (${error.details})`);
    return;
  }
  throw new Error('the malformed filter was accepted');
});

await step('clean up the records of the check', async () => {
  if (low) await call(`Delete${resource}`, { id: low.id });
});

client.close();
finish();
