import type { FieldDefinition, ResourceDefinition } from '../meta/types';
import { isOwnedToMany, isToOne, operationNames, type OperationNames } from './naming';

/** What the data provider needs to know of one resource, derived once per metadata version. */
export interface ResourceModel {
  definition: ResourceDefinition;
  names: OperationNames;
  fields: Map<string, FieldDefinition>;
  /** The selection set of a record: system fields, scalars, to-one relations and owned to-many relations as ids. */
  selection: string;
  /** Relations read and written as ids: to-one (one id) and owned to-many (a list of ids). */
  toOne: Set<string>;
  toManyOwned: Set<string>;
}

export type ModelLookup = (resource: string) => ResourceModel;

export function buildModels(resources: ResourceDefinition[]): Map<string, ResourceModel> {
  const byName = new Map(resources.map(r => [r.name, r]));
  const models = new Map<string, ResourceModel>();
  for (const definition of resources) {
    const toOne = new Set(definition.fields.filter(isToOne).map(f => f.name));
    const toManyOwned = new Set(definition.fields.filter(f => isOwnedToMany(f, n => byName.get(n))).map(f => f.name));
    const parts = ['id', 'createdAt', 'updatedAt'];
    for (const field of definition.fields) {
      if (field.type !== 'Relation') parts.push(field.name);
      else if (toOne.has(field.name) || toManyOwned.has(field.name)) parts.push(`${field.name} { id }`);
    }
    models.set(definition.name, {
      definition,
      names: operationNames(definition),
      fields: new Map(definition.fields.map(f => [f.name, f])),
      selection: parts.join(' '),
      toOne,
      toManyOwned,
    });
  }
  return models;
}

export function lookupIn(models: () => Map<string, ResourceModel>): ModelLookup {
  return resource => {
    const model = models().get(resource);
    if (!model) throw new Error(`There is no resource named '${resource}' in the current metadata.`);
    return model;
  };
}
