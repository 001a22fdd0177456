// Checks an engine schema with graphql-js, an implementation independent of the engine:
//   node check-introspection.mjs <introspection.json | http://host/graphql> [Resource ...] [--operations file.graphql]
// 1. builds a client schema from the introspection result (a file holding {"data": {...}} or {"__schema": ...}, or the
//    result of posting graphql-js's own introspection query to a URL) and validates the schema itself;
// 2. validates sample OpenCRUD queries and mutations for each named resource (and the operations of --operations);
// 3. checks that an invalid operation is rejected, so a check that validates nothing cannot pass.
// Exits non-zero when anything fails; ends with "N passed, M failed".
import { readFileSync } from 'node:fs';
import {
  buildClientSchema, getIntrospectionQuery, getNamedType, isListType, getNullableType, parse, validate, validateSchema,
} from 'graphql';

const args = process.argv.slice(2);
const operationsIndex = args.indexOf('--operations');
const operationsFile = operationsIndex >= 0 ? args[operationsIndex + 1] : undefined;
const positional = operationsIndex < 0 ? args : args.filter((_, i) => i !== operationsIndex && i !== operationsIndex + 1);
const [source, ...resources] = positional;
if (!source) {
  console.error('usage: node check-introspection.mjs <introspection.json | url> [Resource ...] [--operations file.graphql]');
  process.exit(2);
}

let passed = 0;
let failed = 0;
function check(name, fn) {
  try {
    fn();
    passed++;
    console.log(`ok   ${name}`);
  } catch (error) {
    failed++;
    console.log(`FAIL ${name}\n     ${String(error.message).replaceAll('\n', '\n     ')}`);
  }
}

async function loadIntrospection() {
  if (/^https?:\/\//.test(source)) {
    const response = await fetch(source, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(process.env.GRAPHQL_TOKEN ? { authorization: `Bearer ${process.env.GRAPHQL_TOKEN}` } : {}) },
      body: JSON.stringify({ query: getIntrospectionQuery({ specifiedByUrl: true, directiveIsRepeatable: true, inputValueDeprecation: true }) }),
    });
    return response.json();
  }
  return JSON.parse(readFileSync(source, 'utf8'));
}

const result = await loadIntrospection();
if (result.errors?.length) {
  console.error(`introspection returned errors: ${JSON.stringify(result.errors)}`);
  process.exit(1);
}

let schema;
check('buildClientSchema accepts the introspection result', () => {
  schema = buildClientSchema(result.data ?? result);
});
if (!schema) {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(1);
}

check('the schema is valid', () => {
  const errors = validateSchema(schema);
  if (errors.length) throw new Error(errors.map((e) => e.message).join('\n'));
});

function expectValid(name, document) {
  check(name, () => {
    const errors = validate(schema, parse(document));
    if (errors.length) throw new Error(`${errors.map((e) => e.message).join('\n')}\n${document}`);
  });
}

// Root field names come from the schema itself: the list field returning [R!]! is the plural.
function rootNames(resource) {
  const query = schema.getQueryType().getFields();
  const many = Object.values(query).find((f) => isListType(getNullableType(f.type)) && getNamedType(f.type).name === resource);
  const one = Object.values(query).find((f) => !isListType(getNullableType(f.type)) && getNamedType(f.type)?.name === resource);
  if (!many || !one) throw new Error(`no query fields for ${resource}`);
  return { one: one.name, many: many.name, Plural: many.name[0].toUpperCase() + many.name.slice(1) };
}

for (const resource of resources) {
  let names;
  check(`${resource}: has query fields`, () => { names = rootNames(resource); });
  if (!names) continue;
  const { one, many, Plural } = names;
  const id = '0190f5e2-7c1d-7000-8000-00000000000a';
  expectValid(`${resource}: find unique`, `{ ${one}(where: { id: "${id}" }) { id createdAt updatedAt __typename } }`);
  expectValid(`${resource}: find many with filter, order and paging`, `query List($ids: [ID!], $first: Int) {
    ${many}(where: { AND: [{ id_in: $ids }], OR: [{ createdAt_gt: "2024-01-01T00:00:00Z" }, { id_not: null }], NOT: [] },
            orderBy: updatedAt_DESC, skip: 0, first: $first, last: null) { id ...Stamps }
  }
  fragment Stamps on ${resource} { createdAt updatedAt }`);
  expectValid(`${resource}: create`, `mutation Create($data: ${resource}CreateInput!) { create${resource}(data: $data) { id } }`);
  if (schema.getType(`${resource}UpdateInput`)) {
    expectValid(`${resource}: update and upsert`, `mutation Update($data: ${resource}UpdateInput!, $create: ${resource}CreateInput!) {
      update${resource}(data: $data, where: { id: "${id}" }) { id }
      upsert${resource}(where: { id: "${id}" }, create: $create, update: $data) { id }
    }`);
  }
  if (schema.getType(`${resource}UpdateManyMutationInput`)) {
    expectValid(`${resource}: update many`, `mutation UpdateMany($data: ${resource}UpdateManyMutationInput!) {
      updateMany${Plural}(data: $data, where: { id_in: ["${id}"] }) { count }
    }`);
  }
  expectValid(`${resource}: delete and delete many`, `mutation Delete {
    delete${resource}(where: { id: "${id}" }) { id }
    deleteMany${Plural}(where: { id_not_in: [] }) { count }
  }`);
  expectValid(`${resource}: introspect the type`, `{ __type(name: "${resource}") { name fields { name type { kind name ofType { name } } } } }`);
  check(`${resource}: an invalid query is rejected`, () => {
    const errors = validate(schema, parse(`{ ${many} { notAField } }`));
    if (errors.length === 0) throw new Error('graphql-js accepted a query selecting an unknown field');
  });
}

if (operationsFile) {
  expectValid(`operations in ${operationsFile}`, readFileSync(operationsFile, 'utf8'));
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
