import { Alert } from '@mui/material';
import {
  Create, Datagrid, DateField, Edit, List, Show, SimpleForm, SimpleShowLayout, TextField, useResourceContext,
} from 'react-admin';
import type { ResourceModel } from '../dataProvider/model';
import { useMetadata } from '../meta/metadataStore';
import { displayOf, filtersOf, inputOf, parseJsonFields, relatedListOf } from './fields';

const MAX_COLUMNS = 8;

function useModel(): { model: ResourceModel | undefined; models: Map<string, ResourceModel>; name: string } {
  const name = useResourceContext() ?? '';
  const { models } = useMetadata();
  return { model: models.get(name), models, name };
}

const Missing = ({ name }: { name: string }) => <Alert severity="warning">The resource {name} is no longer in the metadata.</Alert>;

/** The list of any resource: sortable scalar columns, per-type filters, pagination with the connection's count. */
export function ResourceList() {
  const { model, name } = useModel();
  if (!model) return <Missing name={name} />;
  const columns = model.definition.fields.map(f => displayOf(model, f)).filter(c => c !== null).slice(0, MAX_COLUMNS);
  return (
    <List key={name} filters={filtersOf(model)} sort={{ field: 'createdAt', order: 'DESC' }} perPage={25}>
      <Datagrid rowClick="show">
        {columns}
        <DateField source="createdAt" showTime />
      </Datagrid>
    </List>
  );
}

export function ResourceShow() {
  const { model, models, name } = useModel();
  if (!model) return <Missing name={name} />;
  const fields = model.definition.fields;
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="id" />
        {fields.map(f => displayOf(model, f)).filter(c => c !== null)}
        <DateField source="createdAt" showTime />
        <DateField source="updatedAt" showTime />
        {fields.map(f => relatedListOf(model, f, models.get(f.target ?? ''))).filter(c => c !== null)}
      </SimpleShowLayout>
    </Show>
  );
}

function Form({ model }: { model: ResourceModel }) {
  return <SimpleForm>{model.definition.fields.map(f => inputOf(model, f)).filter(c => c !== null)}</SimpleForm>;
}

/** Edits are pessimistic so the engine's field errors come back onto the form instead of an undo notification. */
export function ResourceEdit() {
  const { model, name } = useModel();
  if (!model) return <Missing name={name} />;
  return (
    <Edit mutationMode="pessimistic" redirect="show" transform={(data: Record<string, unknown>) => parseJsonFields(model, data)}>
      <Form model={model} />
    </Edit>
  );
}

export function ResourceCreate() {
  const { model, name } = useModel();
  if (!model) return <Missing name={name} />;
  return (
    <Create redirect="show" transform={(data: Record<string, unknown>) => parseJsonFields(model, data)}>
      <Form model={model} />
    </Create>
  );
}
