import { describe, expect, it } from 'vitest';
import { resources } from './fixtures';
import { buildModels } from './model';
import * as ops from './operations';

const models = buildModels(resources);
const book = models.get('Book')!;
const author = models.get('Author')!;
const SELECTION = 'id createdAt updatedAt title pages price published status author { id } tags { id }';

describe('model selection', () => {
  it('selects scalars, to-one and owned to-many relations as ids, and leaves one-to-many lists to related queries', () => {
    expect(book.selection).toBe(SELECTION);
    expect(author.selection).toBe('id createdAt updatedAt name');
  });
});

describe('getList', () => {
  it('asks for the page and the connection count in one document', () => {
    const op = ops.getList(book, {
      pagination: { page: 3, perPage: 10 },
      sort: { field: 'title', order: 'DESC' },
      filter: { title_contains: 'war', pages_gte: 100, price_lte: 20, author: 'a1', published_gte: '2024-01-01', status: '' },
    });
    expect(op.query).toBe(
      'query booksList($where: BookWhereInput, $orderBy: BookOrderByInput, $skip: Int, $first: Int) {' +
        ` items: books(where: $where, orderBy: $orderBy, skip: $skip, first: $first) { ${SELECTION} }` +
        ' total: booksConnection(where: $where) { aggregate { count } } }',
    );
    expect(op.variables).toEqual({
      where: {
        title_contains: 'war', pages_gte: 100, price_lte: '20', author: { id: 'a1' }, published_gte: '2024-01-01T00:00:00Z',
      },
      orderBy: 'title_DESC',
      skip: 20,
      first: 10,
    });
  });

  it('turns the full-text q into an OR of contains over the String fields and sends no where for no filter', () => {
    expect(ops.getList(author, { filter: { q: 'ada' } }).variables).toEqual({ where: { OR: [{ name_contains: 'ada' }] } });
    expect(ops.getList(author, { pagination: { page: 1, perPage: 25 }, sort: { field: 'createdAt', order: 'ASC' } }).variables)
      .toEqual({ orderBy: 'createdAt_ASC', skip: 0, first: 25 });
  });

  it('reads nodes into records with relation ids and the total from aggregate.count', () => {
    const op = ops.getList(book, {});
    const result = op.read({
      items: [{ id: 'b1', title: 'T', author: { id: 'a1' }, tags: [{ id: 't1' }, { id: 't2' }] }, { id: 'b2', author: null, tags: [] }],
      total: { aggregate: { count: 42 } },
    });
    expect(result).toEqual({
      data: [{ id: 'b1', title: 'T', author: 'a1', tags: ['t1', 't2'] }, { id: 'b2', author: null, tags: [] }],
      total: 42,
    });
  });
});

describe('getManyReference', () => {
  it('filters by the to-one field pointing back at the record', () => {
    const op = ops.getManyReference(book, { target: 'author', id: 'a1', filter: { title_contains: 'x' } });
    expect(op.query).toContain('items: books(');
    expect(op.variables.where).toEqual({ AND: [{ author: { id: 'a1' } }, { title_contains: 'x' }] });
  });

  it('uses _some for a to-many target', () => {
    expect(ops.getManyReference(book, { target: 'tags', id: 't1' }).variables.where).toEqual({ tags_some: { id: 't1' } });
  });
});

describe('getOne and getMany', () => {
  it('reads one record by id, and reports a missing one as 404', () => {
    const op = ops.getOne(book, 'b1');
    expect(op.query).toBe(`query bookOne($where: BookWhereUniqueInput!) { item: book(where: $where) { ${SELECTION} } }`);
    expect(op.variables).toEqual({ where: { id: 'b1' } });
    expect(op.read({ item: { id: 'b1', author: { id: 'a1' } } })).toEqual({ data: { id: 'b1', author: 'a1' } });
    expect(() => op.read({ item: null })).toThrow(expect.objectContaining({ status: 404 }));
  });

  it('reads many records with id_in', () => {
    const op = ops.getMany(models.get('Tag')!, ['t1', 't2']);
    expect(op.query).toBe('query labelsMany($where: TagWhereInput) { items: labels(where: $where) { id createdAt updatedAt label } }');
    expect(op.variables).toEqual({ where: { id_in: ['t1', 't2'] } });
  });
});

describe('create', () => {
  it('sends scalars, connects relations and leaves out empty values so defaults apply', () => {
    const op = ops.create(book, {
      title: 'Dune', pages: 412, price: 9.5, status: null, published: '', author: 'a1', tags: ['t1'], unknown: 1, id: undefined,
    });
    expect(op.query).toBe(`mutation createBook($data: BookCreateInput!) { item: createBook(data: $data) { ${SELECTION} } }`);
    expect(op.variables).toEqual({
      data: { title: 'Dune', pages: 412, price: '9.5', author: { connect: { id: 'a1' } }, tags: { connect: [{ id: 't1' }] } },
    });
    expect(op.read({ item: { id: 'b9', title: 'Dune', author: { id: 'a1' }, tags: [] } }).data).toEqual({
      id: 'b9', title: 'Dune', author: 'a1', tags: [],
    });
  });
});

describe('update', () => {
  it('sends only what changed: scalars, connect/disconnect for to-one, set for to-many', () => {
    const previous = { id: 'b1', title: 'Old', pages: 10, author: 'a1', tags: ['t1'], createdAt: 'x' };
    const op = ops.update(book, 'b1', { ...previous, title: 'New', author: null, tags: ['t2', 't3'] }, previous);
    expect(op.query).toBe(
      'mutation updateBook($data: BookUpdateInput!, $where: BookWhereUniqueInput!) {' +
        ` item: updateBook(data: $data, where: $where) { ${SELECTION} } }`,
    );
    expect(op.variables).toEqual({
      data: { title: 'New', author: { disconnect: true }, tags: { set: [{ id: 't2' }, { id: 't3' }] } },
      where: { id: 'b1' },
    });
  });

  it('connects a new to-one target and clears a scalar with null', () => {
    const op = ops.update(book, 'b1', { author: 'a2', pages: '' }, { author: 'a1', pages: 3 });
    expect(op.variables.data).toEqual({ author: { connect: { id: 'a2' } }, pages: null });
  });
});

describe('delete and the many-verbs', () => {
  it('deletes by id and answers with the previous record', () => {
    const op = ops.remove(book, 'b1', { id: 'b1', title: 'T' });
    expect(op.query).toBe('mutation deleteBook($where: BookWhereUniqueInput!) { item: deleteBook(where: $where) { id } }');
    expect(op.variables).toEqual({ where: { id: 'b1' } });
    expect(op.read({ item: { id: 'b1' } })).toEqual({ data: { id: 'b1', title: 'T' } });
  });

  it('deleteMany and updateMany address the records with id_in and answer with their ids', () => {
    const del = ops.deleteMany(models.get('Category')!, ['c1', 'c2']);
    expect(del.query).toBe(
      'mutation deleteManyCategories($where: CategoryWhereInput) { result: deleteManyCategories(where: $where) { count } }',
    );
    expect(del.variables).toEqual({ where: { id_in: ['c1', 'c2'] } });
    expect(del.read({ result: { count: '2' } })).toEqual({ data: ['c1', 'c2'] });

    const upd = ops.updateMany(book, ['b1'], { status: 'OUT' });
    expect(upd.query).toBe(
      'mutation updateManyBooks($data: BookUpdateManyMutationInput!, $where: BookWhereInput) {' +
        ' result: updateManyBooks(data: $data, where: $where) { count } }',
    );
    expect(upd.variables).toEqual({ data: { status: 'OUT' }, where: { id_in: ['b1'] } });
  });
});
