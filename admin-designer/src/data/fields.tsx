import type { ReactElement } from 'react';
import {
  AutocompleteArrayInput, AutocompleteInput, BooleanField, BooleanInput, DateField, DateInput, DateTimeInput, FunctionField,
  NullableBooleanInput, NumberField, NumberInput, ReferenceArrayField, ReferenceArrayInput, ReferenceField, ReferenceInput,
  ReferenceManyField, Datagrid, SearchInput, SelectInput, TextField, TextInput, required,
} from 'react-admin';
import type { ResourceModel } from '../dataProvider/model';
import type { FieldDefinition } from '../meta/types';

const choices = (f: FieldDefinition) => (f.values ?? []).map(v => ({ id: v, name: v }));
const jsonText = (v: unknown) => (v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v, null, 2));

/** The column or show-page display of a field. */
export function displayOf(model: ResourceModel, f: FieldDefinition): ReactElement | null {
  const common = { key: f.name, source: f.name, label: f.name };
  switch (f.type) {
    case 'Int':
    case 'Float':
      return <NumberField {...common} />;
    case 'Boolean':
      return <BooleanField {...common} />;
    case 'Date':
      return <DateField {...common} />;
    case 'DateTime':
      return <DateField {...common} showTime />;
    case 'Json':
      return <FunctionField {...common} sortable={false} render={(r: Record<string, unknown>) => jsonText(r[f.name])} />;
    case 'Relation':
      if (model.toOne.has(f.name)) return <ReferenceField {...common} reference={f.target!} sortable={false} link="show" />;
      if (model.toManyOwned.has(f.name)) return <ReferenceArrayField {...common} reference={f.target!} sortable={false} />;
      return null;
    default:
      return <TextField {...common} />;
  }
}

/** The related list of a one-to-many relation (a `many` field whose inverse is the target's to-one field). */
export function relatedListOf(model: ResourceModel, f: FieldDefinition, target: ResourceModel | undefined): ReactElement | null {
  if (f.type !== 'Relation' || f.cardinality !== 'many' || model.toManyOwned.has(f.name) || !f.inverse || !target) return null;
  const columns = target.definition.fields.filter(c => c.name !== f.inverse).slice(0, 5);
  return (
    <ReferenceManyField key={f.name} label={f.name} reference={target.definition.name} target={f.inverse}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        {columns.map(c => displayOf(target, c))}
      </Datagrid>
    </ReferenceManyField>
  );
}

/** The form input of a field; only `required` is checked here, every other rule by the engine (its errors land on the input). */
export function inputOf(model: ResourceModel, f: FieldDefinition): ReactElement | null {
  const validate = f.required && f.default === undefined ? required() : undefined;
  const defaultValue = f.type === 'Json' && f.default !== undefined ? jsonText(f.default) : f.default;
  const common = { key: f.name, source: f.name, label: f.name, validate, defaultValue, helperText: f.description ?? false };
  switch (f.type) {
    case 'String':
      return <TextInput {...common} multiline={!f.maxLength || f.maxLength > 200} />;
    case 'Int':
      return <NumberInput {...common} step={1} />;
    case 'Float':
      return <NumberInput {...common} />;
    case 'Long':
    case 'Decimal':
      return <TextInput {...common} />;
    case 'Boolean':
      return f.required ? <BooleanInput {...common} /> : <NullableBooleanInput {...common} />;
    case 'Date':
      return <DateInput {...common} />;
    case 'DateTime':
      return <DateTimeInput {...common} />;
    case 'Json':
      return <TextInput {...common} multiline format={jsonText} />;
    case 'Enum':
      return <SelectInput {...common} choices={choices(f)} />;
    case 'Relation':
      if (model.toOne.has(f.name)) {
        return (
          <ReferenceInput key={f.name} source={f.name} reference={f.target!}>
            <AutocompleteInput label={f.name} validate={validate} />
          </ReferenceInput>
        );
      }
      if (model.toManyOwned.has(f.name)) {
        return (
          <ReferenceArrayInput key={f.name} source={f.name} reference={f.target!}>
            <AutocompleteArrayInput label={f.name} />
          </ReferenceArrayInput>
        );
      }
      return null;
  }
}

/** The list filters of a resource, one or two per field by type. */
export function filtersOf(model: ResourceModel): ReactElement[] {
  const filters: ReactElement[] = [];
  if (model.definition.fields.some(f => f.type === 'String')) filters.push(<SearchInput key="q" source="q" alwaysOn />);
  for (const f of model.definition.fields) {
    const key = (suffix: string) => `${f.name}${suffix}`;
    switch (f.type) {
      case 'String':
        filters.push(<TextInput key={key('_contains')} source={key('_contains')} label={`${f.name} contains`} />);
        break;
      case 'Int':
      case 'Float':
      case 'Long':
      case 'Decimal':
        filters.push(<NumberInput key={key('_gte')} source={key('_gte')} label={`${f.name} ≥`} />);
        filters.push(<NumberInput key={key('_lte')} source={key('_lte')} label={`${f.name} ≤`} />);
        break;
      case 'Boolean':
        filters.push(<NullableBooleanInput key={f.name} source={f.name} label={f.name} />);
        break;
      case 'Date':
      case 'DateTime':
        filters.push(<DateInput key={key('_gte')} source={key('_gte')} label={`${f.name} from`} />);
        filters.push(<DateInput key={key('_lte')} source={key('_lte')} label={`${f.name} to`} />);
        break;
      case 'Enum':
        filters.push(<SelectInput key={f.name} source={f.name} label={f.name} choices={choices(f)} />);
        break;
      case 'Relation':
        if (model.toOne.has(f.name)) {
          filters.push(
            <ReferenceInput key={f.name} source={f.name} reference={f.target!}>
              <AutocompleteInput label={f.name} />
            </ReferenceInput>,
          );
        }
        break;
    }
  }
  return filters;
}

/** Json inputs hold text; what parses as JSON is sent as JSON, anything else as the text typed. */
export function parseJsonFields(model: ResourceModel, data: Record<string, unknown>): Record<string, unknown> {
  const out = { ...data };
  for (const f of model.definition.fields) {
    if (f.type !== 'Json' || typeof out[f.name] !== 'string') continue;
    const text = (out[f.name] as string).trim();
    if (text === '') out[f.name] = null;
    else {
      try {
        out[f.name] = JSON.parse(text);
      } catch {
        out[f.name] = text;
      }
    }
  }
  return out;
}

/** The field that names a record in pickers and titles: the first required or unique String, else the first String. */
export function representationOf(model: ResourceModel): string {
  const strings = model.definition.fields.filter(f => f.type === 'String');
  return (strings.find(f => f.required || f.unique) ?? strings[0])?.name ?? 'id';
}
