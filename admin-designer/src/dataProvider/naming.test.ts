import { describe, expect, it } from 'vitest';
import { operationNames, pluralize } from './naming';

describe('pluralize', () => {
  it.each([
    ['Invoice', 'Invoices'], ['Category', 'Categories'], ['Address', 'Addresses'], ['Day', 'Days'], ['Box', 'Boxes'],
    ['Match', 'Matches'], ['SalesPerson', 'SalesPeople'], ['InvoiceLine', 'InvoiceLines'], ['Child', 'Children'],
  ])('%s → %s, as the engine does', (name, plural) => {
    expect(pluralize(name)).toBe(plural);
  });
});

describe('operationNames', () => {
  it('derives every OpenCRUD name from the name, or from a declared plural', () => {
    expect(operationNames({ name: 'Category', fields: [] })).toEqual({
      type: 'Category', one: 'category', many: 'categories', connection: 'categoriesConnection', create: 'createCategory',
      update: 'updateCategory', delete: 'deleteCategory', updateMany: 'updateManyCategories', deleteMany: 'deleteManyCategories',
    });
    expect(operationNames({ name: 'Tag', plural: 'Labels', fields: [] }).connection).toBe('labelsConnection');
  });
});
