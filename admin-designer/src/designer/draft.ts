import type { AccessRule, FieldDefinition, FieldType, IndexDefinition, ResourceDefinition } from '../meta/types';

/** A field as the designer's inputs hold it: numbers, lists and defaults as the text typed. */
export interface FieldDraft {
  key: number;
  name: string;
  type: FieldType;
  description: string;
  required: boolean;
  unique: boolean;
  defaultText: string;
  min: string;
  max: string;
  maxLength: string;
  pattern: string;
  precision: string;
  scale: string;
  valuesText: string;
  target: string;
  cardinality: 'one' | 'many';
  inverse: string;
  onDelete: string;
  number?: number;
}

export interface IndexDraft { key: number; fieldsText: string; unique: boolean }
export interface AccessDraft { key: number; role: string; actions: string[]; whereText: string; fieldsText: string }

export interface ResourceDraft {
  name: string;
  plural: string;
  description: string;
  fields: FieldDraft[];
  indexes: IndexDraft[];
  access: AccessDraft[];
}

let nextKey = 1;
const key = () => nextKey++;
const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));
const list = (s: string) => s.split(',').map(x => x.trim()).filter(x => x.length > 0);

export function emptyField(): FieldDraft {
  return {
    key: key(), name: '', type: 'String', description: '', required: false, unique: false, defaultText: '', min: '', max: '',
    maxLength: '', pattern: '', precision: '', scale: '', valuesText: '', target: '', cardinality: 'one', inverse: '', onDelete: '',
  };
}

export const emptyIndex = (): IndexDraft => ({ key: key(), fieldsText: '', unique: false });
export const emptyAccess = (): AccessDraft => ({ key: key(), role: '', actions: ['read'], whereText: '', fieldsText: '' });

export function emptyResource(): ResourceDraft {
  return { name: '', plural: '', description: '', fields: [emptyField()], indexes: [], access: [] };
}

export function toDraft(definition: ResourceDefinition): ResourceDraft {
  return {
    name: definition.name,
    plural: definition.plural ?? '',
    description: definition.description ?? '',
    fields: definition.fields.map(f => ({
      key: key(), name: f.name, type: f.type, description: text(f.description), required: !!f.required, unique: !!f.unique,
      defaultText: f.default === undefined ? '' : typeof f.default === 'string' ? f.default : JSON.stringify(f.default),
      min: text(f.min), max: text(f.max), maxLength: text(f.maxLength), pattern: text(f.pattern), precision: text(f.precision),
      scale: text(f.scale), valuesText: (f.values ?? []).join(', '), target: text(f.target), cardinality: f.cardinality ?? 'one',
      inverse: text(f.inverse), onDelete: text(f.onDelete), number: f.number,
    })),
    indexes: (definition.indexes ?? []).map(i => ({ key: key(), fieldsText: i.fields.join(', '), unique: !!i.unique })),
    access: (definition.access ?? []).map(a => ({
      key: key(), role: a.role, actions: [...a.actions], whereText: a.where ? JSON.stringify(a.where, null, 2) : '',
      fieldsText: (a.fields ?? []).join(', '),
    })),
  };
}

/** Typed text → a number when it is one; otherwise the text, so the engine names the bad value in its error. */
function numberOrText(s: string): number | string | undefined {
  const t = s.trim();
  if (t === '') return undefined;
  return /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(t) ? Number(t) : t;
}

function defaultValue(type: FieldType, s: string): { value?: unknown; error?: string } {
  if (s.trim() === '') return {};
  switch (type) {
    case 'Int':
    case 'Float':
      return { value: numberOrText(s) };
    case 'Boolean':
      return s.trim() === 'true' ? { value: true } : s.trim() === 'false' ? { value: false } : { value: s };
    case 'Json':
      try {
        return { value: JSON.parse(s) };
      } catch {
        return { error: 'the default is not valid JSON' };
      }
    default:
      return { value: s };
  }
}

/** Problems found before sending, keyed like the metadata API's error paths (`fields[2].default`). */
export type DraftErrors = Record<string, string>;

export function fromDraft(draft: ResourceDraft): { definition: ResourceDefinition; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const fields = draft.fields.map((f, i): FieldDefinition => {
    const field: FieldDefinition = { name: f.name.trim(), type: f.type };
    if (f.description.trim()) field.description = f.description.trim();
    if (f.required) field.required = true;
    if (f.number !== undefined) field.number = f.number;
    if (f.type === 'Relation') {
      field.target = f.target.trim();
      field.cardinality = f.cardinality;
      if (f.inverse.trim()) field.inverse = f.inverse.trim();
      if (f.onDelete && f.cardinality === 'one') field.onDelete = f.onDelete as FieldDefinition['onDelete'];
      return field;
    }
    if (f.unique) field.unique = true;
    const d = defaultValue(f.type, f.defaultText);
    if (d.error) errors[`fields[${i}].default`] = d.error;
    else if (d.value !== undefined) field.default = d.value;
    const assign = (name: 'min' | 'max' | 'maxLength' | 'precision' | 'scale', value: string) => {
      const n = numberOrText(value);
      if (n !== undefined) (field as unknown as Record<string, unknown>)[name] = n;
    };
    if (['Int', 'Long', 'Float', 'Decimal'].includes(f.type)) {
      assign('min', f.min);
      assign('max', f.max);
    }
    if (f.type === 'Decimal') {
      assign('precision', f.precision);
      assign('scale', f.scale);
    }
    if (f.type === 'String') {
      assign('maxLength', f.maxLength);
      if (f.pattern.trim()) field.pattern = f.pattern.trim();
    }
    if (f.type === 'Enum') field.values = list(f.valuesText);
    return field;
  });
  const indexes: IndexDefinition[] = draft.indexes.map(i => (i.unique ? { fields: list(i.fieldsText), unique: true } : { fields: list(i.fieldsText) }));
  const access: AccessRule[] = draft.access.map((a, i) => {
    const rule: AccessRule = { role: a.role.trim(), actions: a.actions };
    if (a.whereText.trim()) {
      try {
        rule.where = JSON.parse(a.whereText);
      } catch {
        errors[`access[${i}].where`] = 'where is not valid JSON';
      }
    }
    if (a.fieldsText.trim()) rule.fields = list(a.fieldsText);
    return rule;
  });
  const definition: ResourceDefinition = { name: draft.name.trim(), fields };
  if (draft.plural.trim()) definition.plural = draft.plural.trim();
  if (draft.description.trim()) definition.description = draft.description.trim();
  if (indexes.length > 0) definition.indexes = indexes;
  if (access.length > 0) definition.access = access;
  return { definition, errors };
}
