import type { ResourceModel } from './model';
import { toCreateInput, toRecord, toUpdateInput } from './records';
import { toWhere } from './where';

type Row = Record<string, unknown>;

/** One GraphQL request of a react-admin verb, and how to read its answer back into react-admin's shape. */
export interface Operation<T> {
  query: string;
  variables: Row;
  read: (data: Row) => T;
}

export interface ListParams {
  pagination?: { page: number; perPage: number };
  sort?: { field: string; order: 'ASC' | 'DESC' | string };
  filter?: Row;
}

export interface ListResult {
  data: Row[];
  total: number;
}

/** getList (and getManyReference): one document with the page (`<plural>`) and the total (`<plural>Connection.aggregate.count`). */
export function getList(model: ResourceModel, params: ListParams, extraWhere?: Row): Operation<ListResult> {
  const { names, definition } = model;
  const filtered = toWhere(model, params.filter);
  const where = extraWhere && filtered ? { AND: [extraWhere, filtered] } : (extraWhere ?? filtered);
  const variables: Row = {};
  if (where) variables.where = where;
  if (params.sort?.field) variables.orderBy = `${params.sort.field}_${params.sort.order === 'DESC' ? 'DESC' : 'ASC'}`;
  if (params.pagination) {
    variables.skip = (params.pagination.page - 1) * params.pagination.perPage;
    variables.first = params.pagination.perPage;
  }
  const query =
    `query ${names.many}List($where: ${definition.name}WhereInput, $orderBy: ${definition.name}OrderByInput, $skip: Int, $first: Int) {` +
    ` items: ${names.many}(where: $where, orderBy: $orderBy, skip: $skip, first: $first) { ${model.selection} }` +
    ` total: ${names.connection}(where: $where) { aggregate { count } } }`;
  return {
    query,
    variables,
    read: data => ({
      data: (data.items as Row[]).map(node => toRecord(model, node)),
      total: (data.total as { aggregate: { count: number } }).aggregate.count,
    }),
  };
}

export function getManyReference(
  model: ResourceModel,
  params: ListParams & { target: string; id: unknown },
): Operation<ListResult> {
  const field = model.fields.get(params.target);
  const reference = field?.type === 'Relation' && field.cardinality === 'many'
    ? { [`${params.target}_some`]: { id: params.id } }
    : { [params.target]: { id: params.id } };
  return getList(model, params, reference);
}

export function getOne(model: ResourceModel, id: unknown): Operation<{ data: Row }> {
  const { names, definition } = model;
  return {
    query: `query ${names.one}One($where: ${definition.name}WhereUniqueInput!) { item: ${names.one}(where: $where) { ${model.selection} } }`,
    variables: { where: { id } },
    read: data => {
      if (!data.item) throw Object.assign(new Error(`${definition.name} ${String(id)} was not found.`), { status: 404 });
      return { data: toRecord(model, data.item as Row) };
    },
  };
}

export function getMany(model: ResourceModel, ids: unknown[]): Operation<{ data: Row[] }> {
  const { names, definition } = model;
  return {
    query: `query ${names.many}Many($where: ${definition.name}WhereInput) { items: ${names.many}(where: $where) { ${model.selection} } }`,
    variables: { where: { id_in: ids } },
    read: data => ({ data: (data.items as Row[]).map(node => toRecord(model, node)) }),
  };
}

export function create(model: ResourceModel, data: Row): Operation<{ data: Row }> {
  const { names, definition } = model;
  return {
    query: `mutation ${names.create}($data: ${definition.name}CreateInput!) { item: ${names.create}(data: $data) { ${model.selection} } }`,
    variables: { data: toCreateInput(model, data) },
    read: result => ({ data: toRecord(model, result.item as Row) }),
  };
}

export function update(model: ResourceModel, id: unknown, data: Row, previous?: Row): Operation<{ data: Row }> {
  const { names, definition } = model;
  return {
    query:
      `mutation ${names.update}($data: ${definition.name}UpdateInput!, $where: ${definition.name}WhereUniqueInput!) {` +
      ` item: ${names.update}(data: $data, where: $where) { ${model.selection} } }`,
    variables: { data: toUpdateInput(model, data, previous), where: { id } },
    read: result => {
      if (!result.item) throw Object.assign(new Error(`${definition.name} ${String(id)} was not found.`), { status: 404 });
      return { data: toRecord(model, result.item as Row) };
    },
  };
}

export function remove(model: ResourceModel, id: unknown, previous?: Row): Operation<{ data: Row }> {
  const { names, definition } = model;
  return {
    query: `mutation ${names.delete}($where: ${definition.name}WhereUniqueInput!) { item: ${names.delete}(where: $where) { id } }`,
    variables: { where: { id } },
    read: result => ({ data: result.item ? { ...previous, ...(result.item as Row) } : { ...previous, id } }),
  };
}

export function updateMany(model: ResourceModel, ids: unknown[], data: Row): Operation<{ data: unknown[] }> {
  const { names, definition } = model;
  return {
    query:
      `mutation ${names.updateMany}($data: ${definition.name}UpdateManyMutationInput!, $where: ${definition.name}WhereInput) {` +
      ` result: ${names.updateMany}(data: $data, where: $where) { count } }`,
    variables: { data: toUpdateInput(model, data, undefined), where: { id_in: ids } },
    read: () => ({ data: ids }),
  };
}

export function deleteMany(model: ResourceModel, ids: unknown[]): Operation<{ data: unknown[] }> {
  const { names, definition } = model;
  return {
    query: `mutation ${names.deleteMany}($where: ${definition.name}WhereInput) { result: ${names.deleteMany}(where: $where) { count } }`,
    variables: { where: { id_in: ids } },
    read: () => ({ data: ids }),
  };
}
