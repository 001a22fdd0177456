import type { ResourceDefinition } from '../meta/types';

/** Test resources: an Author with many Books (one-to-many), Books with Tags (many-to-many from one side). */
export const resources: ResourceDefinition[] = [
  {
    name: 'Author',
    fields: [
      { name: 'name', type: 'String', required: true },
      { name: 'books', type: 'Relation', target: 'Book', cardinality: 'many', inverse: 'author' },
    ],
  },
  {
    name: 'Book',
    fields: [
      { name: 'title', type: 'String', required: true },
      { name: 'pages', type: 'Int' },
      { name: 'price', type: 'Decimal', precision: 10, scale: 2 },
      { name: 'published', type: 'DateTime' },
      { name: 'status', type: 'Enum', values: ['DRAFT', 'OUT'] },
      { name: 'author', type: 'Relation', target: 'Author', cardinality: 'one', onDelete: 'CASCADE' },
      { name: 'tags', type: 'Relation', target: 'Tag', cardinality: 'many' },
    ],
  },
  { name: 'Tag', plural: 'Labels', fields: [{ name: 'label', type: 'String' }] },
  { name: 'Category', fields: [{ name: 'title', type: 'String' }] },
];
