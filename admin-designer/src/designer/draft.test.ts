import { describe, expect, it } from 'vitest';
import type { ResourceDefinition } from '../meta/types';
import { emptyField, emptyResource, fromDraft, toDraft } from './draft';

const invoice: ResourceDefinition = {
  name: 'Invoice',
  description: 'A customer invoice',
  fields: [
    { name: 'number', type: 'String', required: true, unique: true, maxLength: 32, pattern: '^[A-Z0-9-]+$', number: 4 },
    { name: 'total', type: 'Decimal', required: true, min: 0, precision: 12, scale: 2, number: 5 },
    { name: 'status', type: 'Enum', values: ['DRAFT', 'SENT'], default: 'DRAFT', number: 6 },
    { name: 'meta', type: 'Json', default: { a: 1 }, number: 7 },
    { name: 'paid', type: 'Boolean', default: false, number: 8 },
    { name: 'customer', type: 'Relation', target: 'Customer', cardinality: 'one', required: true, onDelete: 'RESTRICT', number: 9 },
    { name: 'lines', type: 'Relation', target: 'InvoiceLine', cardinality: 'many', inverse: 'invoice', number: 10 },
  ],
  indexes: [{ fields: ['status', 'total'] }],
  access: [{ role: 'customer', actions: ['read'], where: { customer: { id: '$claims.sub' } }, fields: ['number', 'total'] }],
};

describe('draft', () => {
  it('round-trips a definition with every kind of field, index and access rule', () => {
    expect(fromDraft(toDraft(invoice))).toEqual({ definition: invoice, errors: {} });
  });

  it('leaves out constraints the type does not take and sends typed numbers', () => {
    const field = { ...emptyField(), name: 'count', type: 'Int' as const, min: '1', max: 'ten', maxLength: '5', defaultText: '3' };
    const { definition } = fromDraft({ ...emptyResource(), name: 'Thing', fields: [field] });
    expect(definition.fields[0]).toEqual({ name: 'count', type: 'Int', min: 1, max: 'ten', default: 3 });
  });

  it('reports JSON that does not parse at the path the metadata API would use', () => {
    const field = { ...emptyField(), name: 'data', type: 'Json' as const, defaultText: '{oops' };
    const draft = { ...emptyResource(), name: 'Thing', fields: [field] };
    draft.access = [{ key: 1, role: 'r', actions: ['read'], whereText: '{', fieldsText: '' }];
    expect(fromDraft(draft).errors).toEqual({ 'fields[0].default': 'the default is not valid JSON', 'access[0].where': 'where is not valid JSON' });
  });
});
