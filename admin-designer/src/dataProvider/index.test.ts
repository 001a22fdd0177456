import { describe, expect, it } from 'vitest';
import { createDataProvider, type GraphQLTransport } from './index';
import { formFieldOf } from './errors';
import { resources } from './fixtures';
import { buildModels, lookupIn } from './model';

function providerAnswering(status: number, json: unknown) {
  const sent: { query: string; variables: Record<string, unknown> }[] = [];
  const transport: GraphQLTransport = async body => {
    sent.push(body);
    return { status, json: json as never };
  };
  const models = buildModels(resources);
  return { provider: createDataProvider(transport, lookupIn(() => models)), sent };
}

describe('createDataProvider', () => {
  it('sends the verb\'s document and resolves to react-admin\'s shape', async () => {
    const { provider, sent } = providerAnswering(200, { data: { items: [{ id: 'a1', name: 'Ada' }], total: { aggregate: { count: 1 } } } });
    const result = await provider.getList('Author', { pagination: { page: 1, perPage: 5 }, sort: { field: 'name', order: 'ASC' }, filter: {} });
    expect(result).toEqual({ data: [{ id: 'a1', name: 'Ada' }], total: 1 });
    expect(sent[0].variables).toEqual({ orderBy: 'name_ASC', skip: 0, first: 5 });
  });

  it('puts field-level input errors on their form fields', async () => {
    const { provider } = providerAnswering(200, {
      data: null,
      errors: [
        { message: 'data.title: title may be at most 10 characters long.', extensions: { code: 'BAD_USER_INPUT', field: 'data.title' } },
        { message: 'data.pages: pages must be at least 0.', extensions: { code: 'BAD_USER_INPUT', field: 'data.pages' } },
      ],
    });
    await expect(provider.create('Book', { data: { title: 'x'.repeat(20), pages: -1 } })).rejects.toMatchObject({
      status: 400,
      message: 'data.title: title may be at most 10 characters long.; data.pages: pages must be at least 0.',
      body: { errors: { title: 'title may be at most 10 characters long.', pages: 'pages must be at least 0.' } },
    });
  });

  it('rejects with status 401 when the token is refused, so react-admin signs out', async () => {
    const { provider } = providerAnswering(401, null);
    await expect(provider.getOne('Book', { id: 'b1' })).rejects.toMatchObject({ status: 401, body: undefined });
    const { provider: p2 } = providerAnswering(200, { errors: [{ message: 'no', extensions: { code: 'UNAUTHENTICATED' } }] });
    await expect(p2.getOne('Book', { id: 'b1' })).rejects.toMatchObject({ status: 401 });
  });

  it('names an unknown resource', async () => {
    const { provider } = providerAnswering(200, {});
    expect(() => provider.getOne('Nope', { id: '1' })).toThrow("There is no resource named 'Nope'");
  });
});

describe('formFieldOf', () => {
  it.each([
    ['data.title', 'title'], ['data.author.connect.id', 'author'], ['title', 'title'], ['data.tags.connect[1].id', 'tags'], [undefined, undefined],
  ])('%s → %s', (path, field) => {
    expect(formFieldOf(path)).toBe(field);
  });
});
