import type { ResourceModel } from './model';

type Row = Record<string, unknown>;
const SYSTEM = new Set(['id', 'createdAt', 'updatedAt']);

/** A GraphQL node → a react-admin record: relations become ids (`author: {id}` → `author: "…"`, `tags` → `["…"]`). */
export function toRecord(model: ResourceModel, node: Row): Row & { id: string } {
  const record: Row = { ...node };
  for (const name of model.toOne) {
    const value = node[name] as { id: string } | null | undefined;
    if (value !== undefined) record[name] = value === null ? null : value.id;
  }
  for (const name of model.toManyOwned) {
    const value = node[name] as { id: string }[] | undefined;
    if (value !== undefined) record[name] = value.map(v => v.id);
  }
  return record as Row & { id: string };
}

function scalarValue(type: string, value: unknown): unknown {
  if (value === '' && type !== 'String') return null;
  if ((type === 'Long' || type === 'Decimal') && typeof value === 'number') return String(value);
  return value;
}

const ids = (value: unknown): string[] => (Array.isArray(value) ? value.filter(v => v !== null && v !== '').map(String) : []);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A react-admin record → `<Type>CreateInput`: relations as `connect`, empty values left out so column defaults apply. */
export function toCreateInput(model: ResourceModel, data: Row): Row {
  const input: Row = {};
  for (const [key, value] of Object.entries(data)) {
    const field = model.fields.get(key);
    if (SYSTEM.has(key) || !field || value === undefined || value === null) continue;
    if (model.toOne.has(key)) {
      if (value !== '') input[key] = { connect: { id: value } };
    } else if (model.toManyOwned.has(key)) {
      if (ids(value).length > 0) input[key] = { connect: ids(value).map(id => ({ id })) };
    } else if (field.type !== 'Relation') {
      const scalar = scalarValue(field.type, value);
      if (scalar !== null) input[key] = scalar;
    }
  }
  return input;
}

/**
 * A react-admin record → `<Type>UpdateInput` holding only what changed since `previous` (so fields a role may read but
 * not write are not sent back): to-one as `connect`/`disconnect`, owned to-many as `set`.
 */
export function toUpdateInput(model: ResourceModel, data: Row, previous: Row | undefined): Row {
  const input: Row = {};
  for (const [key, value] of Object.entries(data)) {
    const field = model.fields.get(key);
    if (SYSTEM.has(key) || !field || value === undefined) continue;
    if (previous && same(previous[key] ?? null, value ?? null)) continue;
    if (model.toOne.has(key)) {
      input[key] = value === null || value === '' ? { disconnect: true } : { connect: { id: value } };
    } else if (model.toManyOwned.has(key)) {
      input[key] = { set: ids(value).map(id => ({ id })) };
    } else if (field.type !== 'Relation') {
      input[key] = scalarValue(field.type, value);
    }
  }
  return input;
}
