import type { ResourceModel } from './model';

type Where = Record<string, unknown>;

const SUFFIXES = [
  '_not_in', '_in', '_not_contains', '_contains', '_not_starts_with', '_starts_with', '_not_ends_with', '_ends_with',
  '_lte', '_lt', '_gte', '_gt', '_not',
];
const SYSTEM_TYPES: Record<string, string> = { id: 'ID', createdAt: 'DateTime', updatedAt: 'DateTime' };

/** The scalar type a filter key is about (`total_gte` → Decimal), or undefined for keys that are no field's. */
function fieldTypeOf(model: ResourceModel, key: string): string | undefined {
  const base = SUFFIXES.reduce((k, s) => (k.endsWith(s) && model.fields.has(k.slice(0, -s.length)) ? k.slice(0, -s.length) : k), key);
  const systemBase = SUFFIXES.reduce((k, s) => (k.endsWith(s) && SYSTEM_TYPES[k.slice(0, -s.length)] ? k.slice(0, -s.length) : k), key);
  return model.fields.get(base)?.type ?? SYSTEM_TYPES[systemBase];
}

/** A filter value in the form the GraphQL type takes: Long and Decimal as strings, a bare date as the day's start. */
export function filterValue(type: string | undefined, value: unknown): unknown {
  if (Array.isArray(value)) return value.map(v => filterValue(type, v));
  if ((type === 'Long' || type === 'Decimal') && typeof value === 'number') return String(value);
  if (type === 'DateTime' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T00:00:00Z`;
  return value;
}

/**
 * react-admin's filter object → an OpenCRUD WhereInput. `q` searches every String field (OR of `_contains`), a relation
 * name filters by the related record's id, `id` with a list is `id_in`, other keys (`title_contains`, `total_gte`) pass
 * through; empty values are dropped, as react-admin leaves them when an input is cleared.
 */
export function toWhere(model: ResourceModel, filter: Record<string, unknown> | undefined): Where | undefined {
  const where: Where = {};
  for (const [key, value] of Object.entries(filter ?? {})) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    if (key === 'q') {
      const strings = model.definition.fields.filter(f => f.type === 'String').map(f => ({ [`${f.name}_contains`]: value }));
      if (strings.length > 0) where.OR = strings;
      continue;
    }
    if (key === 'id' && Array.isArray(value)) {
      where.id_in = value;
      continue;
    }
    if (model.toOne.has(key)) {
      where[key] = value === null ? null : { id: value };
      continue;
    }
    const field = model.fields.get(key);
    if (field?.type === 'Relation') {
      where[`${key}_some`] = { id: value };
      continue;
    }
    where[key] = filterValue(fieldTypeOf(model, key), value);
  }
  return Object.keys(where).length > 0 ? where : undefined;
}
