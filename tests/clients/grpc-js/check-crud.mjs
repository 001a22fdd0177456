// Checks the engine's gRPC API with @grpc/grpc-js, an implementation independent of the engine:
//   node check-crud.mjs <host:port> <Resource>
// The service engine.data.v1.<Resource>Service is discovered through server reflection (grpc-js-reflection-client,
// grpc.reflection.v1; v1alpha is checked to list it too): no .proto file is read from disk. RPC, message and field
// names (List<Plural>, the <resource_snake> field of Create/Update requests, the <plural_snake> field of the List
// response) are taken from the reflected descriptors, not guessed.
//
// The resource must exist before the check runs and must have at least these user fields (others must be optional):
//   { "name": "title", "type": "String", "required": true }   -> string title
//   { "name": "rank",  "type": "Int" }                         -> optional int32 rank
// e.g. PUT /meta/resources/GrpcJsBook {"name":"GrpcJsBook","fields":[{"name":"title","type":"String","required":true},
//                                                                   {"name":"rank","type":"Int"}]}
// Records made by the check carry a random title prefix, so earlier rows of the resource do not disturb it; the
// check deletes what it created.
//
// Steps: reflection (v1 and v1alpha list the service, the descriptor has the five CRUD RPCs and the SPEC §4 message
// shape), grpc.health.v1 Check, Create ×3, Get (fields, timestamps), Get with read_mask, List with filter + order_by
// + page_size 1 following next_page_token through every page (total_size), List with AND/< filter and ascending
// order, Update with update_mask (an unmasked field stays), Delete, Get of the deleted id → NOT_FOUND (5), Delete
// again → NOT_FOUND, Update with an unknown update_mask path → INVALID_ARGUMENT (3) with a google.rpc.BadRequest field
// violation (and no change), a malformed filter → INVALID_ARGUMENT.
// Each step prints "ok   <step>" or "FAIL <step> <reason>"; the last line is "N passed, M failed"; exits non-zero
// when anything fails. GRPC_TOKEN (optional) is sent as "authorization: Bearer <token>".
import * as grpc from '@grpc/grpc-js';
import { GrpcReflection } from 'grpc-js-reflection-client';

const [target, resource] = process.argv.slice(2);
if (!target || !resource || !/^[A-Z][A-Za-z0-9]*$/.test(resource)) {
  console.error('usage: node check-crud.mjs <host:port> <Resource>');
  process.exit(2);
}

const PACKAGE = 'engine.data.v1';
const serviceName = `${PACKAGE}.${resource}Service`;
const credentials = grpc.credentials.createInsecure();
const CALL_TIMEOUT_MS = 10_000;
const deadline = () => Date.now() + CALL_TIMEOUT_MS;
const metadata = () => {
  const m = new grpc.Metadata();
  if (process.env.GRPC_TOKEN) m.set('authorization', `Bearer ${process.env.GRPC_TOKEN}`);
  return m;
};
// Never hang: a stuck server fails the check instead of the test run.
setTimeout(() => {
  console.log(`FAIL the check did not finish within 120 s`);
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
  if (error instanceof Error) return error.message;
  return String(error);
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

// ---- discovery through reflection ----------------------------------------------------------------------------
const reflectionV1 = new GrpcReflection(target, credentials, {}, 'v1');
const reflectionV1alpha = new GrpcReflection(target, credentials, {}, 'v1alpha');

await step(`reflection v1 lists ${serviceName}`, async () => {
  const services = await reflectionV1.listServices('*', metadata(), { deadline: deadline() });
  assert(services.includes(serviceName), `not in [${services.join(', ')}]`);
});
await step(`reflection v1alpha lists ${serviceName}`, async () => {
  const services = await reflectionV1alpha.listServices('*', metadata(), { deadline: deadline() });
  assert(services.includes(serviceName), `not in [${services.join(', ')}]`);
});
await step('reflection v1alpha describes the service', async () => {
  const descriptor = await reflectionV1alpha.getDescriptorBySymbol(serviceName, metadata(), { deadline: deadline() });
  descriptor.getProtobufJsRoot().lookupService(serviceName);
});

// protobufjs 8 (inside grpc-js-reflection-client) names fields by their json_name and keeps the .proto name as
// protoName; @grpc/proto-loader (keepCase) uses the .proto name, which is what the requests below are keyed by.
const protoName = (field) => field.protoName ?? field.name;
const fieldsByProtoName = (type) => Object.fromEntries(type.fieldsArray.map((f) => [protoName(f), f]));

const names = await step('reflection v1 describes the service, its messages and well-known dependencies', async () => {
  const descriptor = await reflectionV1.getDescriptorBySymbol(serviceName, metadata(), { deadline: deadline() });
  const root = descriptor.getProtobufJsRoot();
  root.resolveAll(); // throws when a dependency (google/protobuf/*.proto) was not served
  const service = root.lookupService(serviceName);
  const method = (name) => {
    const m = service.methods[name];
    if (!m) throw new Error(`no rpc ${name} in [${Object.keys(service.methods).join(', ')}]`);
    return m;
  };
  const get = method(`Get${resource}`);
  const create = method(`Create${resource}`);
  const update = method(`Update${resource}`);
  const del = method(`Delete${resource}`);
  const list = Object.values(service.methods).find((m) => m.name.startsWith('List') && !m.responseStream);
  if (!list) throw new Error(`no List rpc in [${Object.keys(service.methods).join(', ')}]`);
  const message = get.resolvedResponseType;
  assertEqual(message.fullName, `.${PACKAGE}.${resource}`, 'Get response type');
  assertEqual(create.resolvedResponseType, message, 'Create response type');
  assertEqual(update.resolvedResponseType, message, 'Update response type');
  assertEqual(del.resolvedResponseType.fullName, '.google.protobuf.Empty', 'Delete response type');
  const resourceField = create.resolvedRequestType.fieldsArray.find((f) => f.resolvedType === message);
  if (!resourceField) throw new Error(`Create${resource}Request has no field of type ${resource}`);
  const listField = list.resolvedResponseType.fieldsArray.find((f) => f.repeated && f.resolvedType === message);
  if (!listField) throw new Error(`${list.responseType} has no repeated ${resource} field`);
  assert(fieldsByProtoName(update.resolvedRequestType)[protoName(resourceField)]?.resolvedType === message,
    `Update${resource}Request has no field ${protoName(resourceField)}`);
  return { message, list: list.name, resourceField: protoName(resourceField), listField: protoName(listField) };
});
if (!names) finish();

await step(`${resource} message: id = 1, create_time = 2, update_time = 3, title, optional rank`, () => {
  const { message } = names;
  const f = fieldsByProtoName(message);
  assert(f.id?.id === 1 && f.id.type === 'string', `id: ${JSON.stringify(f.id?.toJSON())}`);
  for (const [name, number] of [['create_time', 2], ['update_time', 3]]) {
    assert(f[name]?.id === number && f[name].resolvedType?.fullName === '.google.protobuf.Timestamp',
      `${name}: ${JSON.stringify(f[name]?.toJSON())}`);
  }
  assert(f.title?.type === 'string', `title: ${JSON.stringify(f.title?.toJSON())} (the resource needs a String field "title")`);
  assert(f.rank?.type === 'int32', `rank: ${JSON.stringify(f.rank?.toJSON())} (the resource needs an Int field "rank")`);
  assert(f.rank.options?.proto3_optional === true || f.rank.partOf?.name === '_rank', 'rank is not a proto3 optional field');
  const numbers = message.fieldsArray.map((x) => x.id);
  assertEqual(new Set(numbers).size, numbers.length, 'distinct field numbers');
});

// A client built by @grpc/grpc-js from the reflected descriptors (via @grpc/proto-loader).
const packageObject = (await reflectionV1.getDescriptorBySymbol(serviceName, metadata(), { deadline: deadline() }))
  .getPackageObject({ keepCase: true, longs: String, enums: String, defaults: false, oneofs: true });
const Client = serviceName.split('.').reduce((o, k) => o?.[k], packageObject);
const client = new Client(target, credentials);
function call(method, request) {
  return new Promise((resolve, reject) => {
    client[method](request, metadata(), { deadline: deadline() }, (error, response) => (error ? reject(error) : resolve(response)));
  });
}
async function expectStatus(promise, code, what) {
  try {
    const response = await promise;
    throw new Error(`${what} succeeded (${JSON.stringify(response)}), expected status ${code} (${grpc.status[code]})`);
  } catch (error) {
    if (typeof error?.code !== 'number' || !('details' in error)) throw error;
    if (error.code !== code) {
      throw new Error(`${what}: expected status ${code} (${grpc.status[code]}), got ${error.code} (${grpc.status[error.code]}): ${error.details}`);
    }
    return error;
  }
}
const nanos = (t) => BigInt(t.seconds ?? 0) * 1_000_000_000n + BigInt(t.nanos ?? 0);

await step('grpc.health.v1.Health/Check is SERVING', async () => {
  const response = await new Promise((resolve, reject) => {
    const health = new grpc.Client(target, credentials);
    health.makeUnaryRequest('/grpc.health.v1.Health/Check',
      () => Buffer.from([]), // HealthCheckRequest { service: "" }
      (bytes) => bytes,
      {}, metadata(), { deadline: deadline() },
      (error, value) => { health.close(); return error ? reject(error) : resolve(value); });
  });
  // HealthCheckResponse { ServingStatus status = 1; } SERVING = 1 → bytes 08 01
  const status = decodeMessage(response).find((f) => f.number === 1)?.value ?? 0;
  assertEqual(status, 1, 'serving status');
});

// ---- CRUD --------------------------------------------------------------------------------------------------------
const { list, resourceField, listField } = names;
const prefix = `grpcjs-${Math.random().toString(36).slice(2, 10)}`;
const seeds = [
  { key: 'a', title: `${prefix}-a`, rank: 30 },
  { key: 'b', title: `${prefix}-b`, rank: 10 },
  { key: 'c', title: `${prefix}-c`, rank: 20 },
];
const created = {};
for (const seed of seeds) {
  created[seed.key] = await step(`Create${resource} ${seed.title}`, async () => {
    const record = await call(`Create${resource}`, { [resourceField]: { title: seed.title, rank: seed.rank } });
    assert(typeof record.id === 'string' && record.id.length > 0, `no id in ${JSON.stringify(record)}`);
    assertEqual(record.title, seed.title, 'title');
    assertEqual(record.rank, seed.rank, 'rank');
    assert(record.create_time && nanos(record.create_time) > 0n, `no create_time in ${JSON.stringify(record)}`);
    assert(record.update_time && nanos(record.update_time) > 0n, `no update_time in ${JSON.stringify(record)}`);
    return record;
  });
}
const { a, b, c } = created;

await step(`Get${resource} returns the created record`, async () => {
  need(b);
  const record = await call(`Get${resource}`, { id: b.id });
  assertEqual(record.id, b.id, 'id');
  assertEqual(record.title, b.title, 'title');
  assertEqual(record.rank, 10, 'rank');
  assertEqual(nanos(record.create_time), nanos(b.create_time), 'create_time');
  assertEqual(nanos(record.update_time), nanos(b.update_time), 'update_time');
});

await step(`Get${resource} with read_mask [title] leaves rank out`, async () => {
  need(b);
  const record = await call(`Get${resource}`, { id: b.id, read_mask: { paths: ['title'] } });
  assertEqual(record.title, b.title, 'title');
  assertEqual(record.rank, undefined, 'rank (not in read_mask)');
});

await step(`${list} with filter, order_by "rank desc", page_size 1, following next_page_token`, async () => {
  need(a, b, c);
  const seen = [];
  let token = '';
  let totalSize;
  for (let page = 0; ; page++) {
    assert(page < 10, `still paging after 10 pages: ${JSON.stringify(seen)}`);
    const response = await call(list, { filter: `title : "${prefix}"`, order_by: 'rank desc', page_size: 1, page_token: token });
    const items = response[listField] ?? [];
    assert(items.length <= 1, `page ${page} has ${items.length} items with page_size 1`);
    seen.push(...items.map((r) => r.title));
    totalSize = response.total_size ?? 0;
    token = response.next_page_token ?? '';
    if (!token) break;
    assert(items.length === 1, `page ${page} is empty but has a next_page_token`);
  }
  assertEqual(JSON.stringify(seen), JSON.stringify([a.title, c.title, b.title]), 'titles over all pages');
  assertEqual(totalSize, 3, 'total_size');
});

await step(`${list} with filter "AND rank < 25", order_by "title"`, async () => {
  need(a, b, c);
  const response = await call(list, { filter: `title : "${prefix}" AND rank < 25`, order_by: 'title', page_size: 10 });
  const titles = (response[listField] ?? []).map((r) => r.title);
  assertEqual(JSON.stringify(titles), JSON.stringify([b.title, c.title]), 'titles');
  assertEqual(response.next_page_token ?? '', '', 'next_page_token on the last page');
});

await step(`Update${resource} with update_mask [title] changes title only`, async () => {
  need(b);
  const title = `${prefix}-b-updated`;
  const record = await call(`Update${resource}`, {
    [resourceField]: { id: b.id, title, rank: 99 },
    update_mask: { paths: ['title'] },
  });
  assertEqual(record.id, b.id, 'id');
  assertEqual(record.title, title, 'title');
  assertEqual(record.rank, 10, 'rank (not in update_mask, must stay)');
  assert(nanos(record.update_time) >= nanos(b.update_time), 'update_time went backwards');
  assertEqual(nanos(record.create_time), nanos(b.create_time), 'create_time');
  const again = await call(`Get${resource}`, { id: b.id });
  assertEqual(again.title, title, 'title read back');
  assertEqual(again.rank, 10, 'rank read back');
});

await step(`Delete${resource}`, async () => {
  need(c);
  const response = await call(`Delete${resource}`, { id: c.id });
  assertEqual(JSON.stringify(response), '{}', 'response (google.protobuf.Empty)');
});

await step(`Get${resource} of the deleted id fails with NOT_FOUND (5)`, async () => {
  need(c);
  await expectStatus(call(`Get${resource}`, { id: c.id }), grpc.status.NOT_FOUND, 'get of a deleted record');
});

await step(`Delete${resource} of the deleted id fails with NOT_FOUND (5)`, async () => {
  need(c);
  await expectStatus(call(`Delete${resource}`, { id: c.id }), grpc.status.NOT_FOUND, 'second delete');
});

await step(`${list} after the delete has the two remaining records`, async () => {
  need(a, b);
  const response = await call(list, { filter: `title : "${prefix}"`, order_by: 'rank', page_size: 10 });
  const ids = (response[listField] ?? []).map((r) => r.id);
  assertEqual(JSON.stringify(ids), JSON.stringify([b.id, a.id]), 'ids');
  assertEqual(response.total_size ?? 0, 2, 'total_size');
});

await step(`Update${resource} with an unknown update_mask path fails with INVALID_ARGUMENT (3) and a field violation`, async () => {
  need(a);
  const error = await expectStatus(call(`Update${resource}`, {
    [resourceField]: { id: a.id, title: `${prefix}-never` },
    update_mask: { paths: ['no_such_field'] },
  }), grpc.status.INVALID_ARGUMENT, 'update with an unknown update_mask path');
  const details = error.metadata?.get('grpc-status-details-bin')?.[0];
  assert(details, 'no grpc-status-details-bin trailer (google.rpc.Status)');
  const violations = badRequestViolations(details);
  assert(violations.some((v) => v.field.startsWith('update_mask')),
    `no google.rpc.BadRequest field violation for update_mask in ${JSON.stringify(violations)}`);
  const again = await call(`Get${resource}`, { id: a.id });
  assertEqual(again.title, a.title, 'title after the refused update');
});

await step(`${list} with a malformed filter fails with INVALID_ARGUMENT (3)`, async () => {
  await expectStatus(call(list, { filter: 'title = = "x" AND (', page_size: 1 }), grpc.status.INVALID_ARGUMENT, 'malformed filter');
});

await step('clean up the records of the check', async () => {
  for (const record of [a, b]) {
    if (record) await call(`Delete${resource}`, { id: record.id });
  }
});

client.close();
finish();

// ---- a minimal protobuf wire reader (google.rpc.Status, grpc.health.v1), independent of the engine's code ----------
function decodeMessage(bytes) {
  const fields = [];
  let i = 0;
  const varint = () => {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (i >= bytes.length) throw new Error('truncated varint');
      const byte = bytes[i++];
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7n;
    }
  };
  while (i < bytes.length) {
    const key = Number(varint());
    const number = key >>> 3;
    const wireType = key & 7;
    if (wireType === 0) fields.push({ number, value: Number(varint()) });
    else if (wireType === 2) {
      const length = Number(varint());
      fields.push({ number, bytes: bytes.subarray(i, i + length) });
      i += length;
    } else if (wireType === 1) i += 8;
    else if (wireType === 5) i += 4;
    else throw new Error(`unsupported wire type ${wireType}`);
  }
  return fields;
}
function badRequestViolations(statusBytes) {
  // google.rpc.Status { int32 code = 1; string message = 2; repeated google.protobuf.Any details = 3; }
  // google.protobuf.Any { string type_url = 1; bytes value = 2; }
  // google.rpc.BadRequest { repeated FieldViolation field_violations = 1; } FieldViolation { string field = 1; string description = 2; }
  const text = (b) => Buffer.from(b ?? []).toString('utf8');
  const violations = [];
  for (const detail of decodeMessage(statusBytes).filter((f) => f.number === 3)) {
    const any = decodeMessage(detail.bytes);
    if (!text(any.find((f) => f.number === 1)?.bytes).endsWith('/google.rpc.BadRequest')) continue;
    for (const v of decodeMessage(any.find((f) => f.number === 2)?.bytes ?? Buffer.from([])).filter((f) => f.number === 1)) {
      const violation = decodeMessage(v.bytes);
      violations.push({ field: text(violation.find((f) => f.number === 1)?.bytes), description: text(violation.find((f) => f.number === 2)?.bytes) });
    }
  }
  return violations;
}
