import { Box, Checkbox, FormControlLabel, IconButton, Paper, TextField, Tooltip } from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import { FIELD_TYPES, ON_DELETE, type ResourceDefinition } from '../meta/types';
import type { FieldDraft } from './draft';

interface Props {
  index: number;
  field: FieldDraft;
  resources: ResourceDefinition[];
  errors: Record<string, string>;
  onChange: (field: FieldDraft) => void;
  onRemove: () => void;
}

/** One field of the resource: name, type and the constraints that type takes (SPEC §1). */
export function FieldEditor({ index, field, resources, errors, onChange, onRemove }: Props) {
  const set = <K extends keyof FieldDraft>(name: K, value: FieldDraft[K]) => onChange({ ...field, [name]: value });
  const error = (name: string) => errors[`fields[${index}].${name}`];
  const rowError = errors[`fields[${index}]`];
  const input = (name: keyof FieldDraft, label: string, width = 120, extra: object = {}) => (
    <TextField
      size="small"
      label={label}
      value={field[name] as string}
      onChange={e => set(name, e.target.value as never)}
      error={!!error(name === 'valuesText' ? 'values' : name === 'defaultText' ? 'default' : name)}
      helperText={error(name === 'valuesText' ? 'values' : name === 'defaultText' ? 'default' : name)}
      sx={{ width }}
      slotProps={{ htmlInput: { 'aria-label': label } }}
      {...extra}
    />
  );
  const isNumber = ['Int', 'Long', 'Float', 'Decimal'].includes(field.type);
  const target = resources.find(r => r.name === field.target);
  return (
    <Paper variant="outlined" sx={{ p: 1.5, mb: 1, borderColor: rowError ? 'error.main' : undefined }} data-testid={`field-${index}`}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'flex-start' }}>
        {input('name', 'Field name', 160)}
        <TextField
          select
          size="small"
          label="Type"
          value={field.type}
          onChange={e => set('type', e.target.value as FieldDraft['type'])}
          error={!!error('type')}
          helperText={error('type')}
          sx={{ width: 130 }}
          slotProps={{ select: { native: true }, htmlInput: { 'aria-label': 'Type' } }}
        >
          {FIELD_TYPES.map(t => <option key={t} value={t}>{t}</option>)}
        </TextField>
        <FormControlLabel control={<Checkbox checked={field.required} onChange={e => set('required', e.target.checked)} />} label="required" />
        {field.type !== 'Relation' && (
          <FormControlLabel control={<Checkbox checked={field.unique} onChange={e => set('unique', e.target.checked)} />} label="unique" />
        )}
        {field.type === 'String' && input('maxLength', 'Max length', 110)}
        {field.type === 'String' && input('pattern', 'Pattern (regex)', 160)}
        {isNumber && input('min', 'Min', 90)}
        {isNumber && input('max', 'Max', 90)}
        {field.type === 'Decimal' && input('precision', 'Precision', 90)}
        {field.type === 'Decimal' && input('scale', 'Scale', 80)}
        {field.type === 'Enum' && input('valuesText', 'Values (comma-separated)', 240)}
        {field.type !== 'Relation' && input('defaultText', field.type === 'Json' ? 'Default (JSON)' : 'Default', 150)}
        {field.type === 'Relation' && (
          <>
            <TextField
              select size="small" label="Target" value={field.target} sx={{ width: 160 }}
              onChange={e => set('target', e.target.value)} error={!!error('target')} helperText={error('target')}
              slotProps={{ select: { native: true }, htmlInput: { 'aria-label': 'Target' } }}
            >
              <option value="" />
              {resources.map(r => <option key={r.name} value={r.name}>{r.name}</option>)}
            </TextField>
            <TextField
              select size="small" label="Cardinality" value={field.cardinality} sx={{ width: 120 }}
              onChange={e => set('cardinality', e.target.value as 'one' | 'many')}
              slotProps={{ select: { native: true }, htmlInput: { 'aria-label': 'Cardinality' } }}
            >
              <option value="one">one</option>
              <option value="many">many</option>
            </TextField>
            <TextField
              select size="small" label="Inverse" value={field.inverse} sx={{ width: 140 }}
              onChange={e => set('inverse', e.target.value)} error={!!error('inverse')} helperText={error('inverse')}
              slotProps={{ select: { native: true }, htmlInput: { 'aria-label': 'Inverse' } }}
            >
              <option value="" />
              {(target?.fields ?? []).filter(f => f.type === 'Relation').map(f => <option key={f.name} value={f.name}>{f.name}</option>)}
            </TextField>
            {field.cardinality === 'one' && (
              <TextField
                select size="small" label="On delete" value={field.onDelete} sx={{ width: 130 }}
                onChange={e => set('onDelete', e.target.value)} error={!!error('onDelete')} helperText={error('onDelete')}
                slotProps={{ select: { native: true }, htmlInput: { 'aria-label': 'On delete' } }}
              >
                <option value="" />
                {ON_DELETE.map(o => <option key={o} value={o}>{o}</option>)}
              </TextField>
            )}
          </>
        )}
        {input('description', 'Description', 200)}
        <Tooltip title="Remove this field">
          <IconButton aria-label="Remove field" onClick={onRemove}><DeleteIcon /></IconButton>
        </Tooltip>
      </Box>
      {rowError && <Box sx={{ color: 'error.main', fontSize: 13, mt: 0.5 }}>{rowError}</Box>}
    </Paper>
  );
}
