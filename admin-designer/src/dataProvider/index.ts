import type { DataProvider } from 'react-admin';
import type { ModelLookup } from './model';
import * as ops from './operations';
import { DataProviderError, toDataProviderError, type GraphQLError } from './errors';

/** Sends one GraphQL request; resolves to the response's HTTP status and JSON body. */
export type GraphQLTransport = (body: { query: string; variables: Record<string, unknown> }) => Promise<{
  status: number;
  json: { data?: Record<string, unknown> | null; errors?: GraphQLError[] } | null;
}>;

/** Runs one operation: GraphQL errors and HTTP failures become a {@link DataProviderError}. */
export async function run<T>(transport: GraphQLTransport, operation: ops.Operation<T>): Promise<T> {
  const { status, json } = await transport({ query: operation.query, variables: operation.variables });
  if (json?.errors && json.errors.length > 0) throw toDataProviderError(json.errors);
  if (status >= 400 || !json?.data) {
    throw new DataProviderError(status === 401 ? 'Your session has ended; sign in again.' : `The engine answered HTTP ${status}.`, status, {});
  }
  return operation.read(json.data);
}

/** react-admin's data provider over the engine's OpenCRUD GraphQL API, for whatever resources the metadata holds. */
export function createDataProvider(transport: GraphQLTransport, model: ModelLookup): DataProvider {
  const go = <T>(operation: ops.Operation<T>) => run(transport, operation);
  return {
    getList: (resource, params) => go(ops.getList(model(resource), params)),
    getOne: (resource, params) => go(ops.getOne(model(resource), params.id)),
    getMany: (resource, params) => go(ops.getMany(model(resource), params.ids)),
    getManyReference: (resource, params) => go(ops.getManyReference(model(resource), params)),
    create: (resource, params) => go(ops.create(model(resource), params.data)),
    update: (resource, params) => go(ops.update(model(resource), params.id, params.data, params.previousData)),
    updateMany: (resource, params) => go(ops.updateMany(model(resource), params.ids, params.data)),
    delete: (resource, params) => go(ops.remove(model(resource), params.id, params.previousData)),
    deleteMany: (resource, params) => go(ops.deleteMany(model(resource), params.ids)),
  } as DataProvider;
}
