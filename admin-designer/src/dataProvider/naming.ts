import type { FieldDefinition, ResourceDefinition } from '../meta/types';

const IRREGULAR: Record<string, string> = {
  Person: 'People', Man: 'Men', Woman: 'Women', Child: 'Children', Tooth: 'Teeth', Foot: 'Feet', Mouse: 'Mice', Goose: 'Geese',
};

/** The engine's English plural of a PascalCase name (Engine.Metadata NameConventions.Pluralize). */
export function pluralize(name: string): string {
  if (name.length === 0) return name;
  let start = name.length - 1;
  while (start > 0 && !isUpper(name[start])) start--;
  const head = name.slice(0, start);
  const word = name.slice(start);
  if (IRREGULAR[word]) return head + IRREGULAR[word];
  if (word.length > 1 && word.endsWith('y') && !'aeiouAEIOU'.includes(word[word.length - 2])) return head + word.slice(0, -1) + 'ies';
  if (/(s|x|z|ch|sh)$/.test(word)) return head + word + 'es';
  return head + word + 's';
}

const isUpper = (c: string) => c >= 'A' && c <= 'Z';
const lowerFirst = (s: string) => (s.length === 0 ? s : s[0].toLowerCase() + s.slice(1));

/** The OpenCRUD names generated for one resource (SPEC §3). */
export interface OperationNames {
  type: string;
  one: string;
  many: string;
  connection: string;
  create: string;
  update: string;
  delete: string;
  updateMany: string;
  deleteMany: string;
}

export function operationNames(resource: ResourceDefinition): OperationNames {
  const plural = resource.plural ?? pluralize(resource.name);
  return {
    type: resource.name,
    one: lowerFirst(resource.name),
    many: lowerFirst(plural),
    connection: `${lowerFirst(plural)}Connection`,
    create: `create${resource.name}`,
    update: `update${resource.name}`,
    delete: `delete${resource.name}`,
    updateMany: `updateMany${plural}`,
    deleteMany: `deleteMany${plural}`,
  };
}

export const isToOne = (f: FieldDefinition) => f.type === 'Relation' && f.cardinality !== 'many';
export const isToMany = (f: FieldDefinition) => f.type === 'Relation' && f.cardinality === 'many';
export const isScalar = (f: FieldDefinition) => f.type !== 'Relation';

/** A to-many relation the record owns (many-to-many); one with an inverse to-one field is edited from the other side. */
export function isOwnedToMany(field: FieldDefinition, targetOf: (name: string) => ResourceDefinition | undefined): boolean {
  if (!isToMany(field)) return false;
  if (!field.inverse) return true;
  const inverse = targetOf(field.target ?? '')?.fields.find(f => f.name === field.inverse);
  return inverse !== undefined && isToMany(inverse);
}
