import { useMemo, useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Checkbox, FormControlLabel, IconButton, Paper, TextField, Typography } from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import { Title, useNotify, useRedirect } from 'react-admin';
import { useParams } from 'react-router-dom';
import { putResource, deleteResource, MetaApiError } from '../meta/metaClient';
import { reloadMetadata, useMetadata } from '../meta/metadataStore';
import { ACTIONS, type MetaError, type PlanStep } from '../meta/types';
import { emptyAccess, emptyField, emptyIndex, emptyResource, fromDraft, toDraft, type ResourceDraft } from './draft';
import { FieldEditor } from './FieldEditor';
import { PlanView } from './PlanView';

type Pending = { kind: 'put' | 'delete'; plan: PlanStep[]; version: number };

/** Create or edit one resource; changes are previewed as a dry-run plan and applied only on confirmation. */
export function ResourceEditor() {
  const { name } = useParams();
  const { document } = useMetadata();
  const existing = document?.resources.find(r => r.name === name);
  if (name && !document) return <Typography sx={{ m: 2 }}>Loading…</Typography>;
  if (name && !existing) return <Alert severity="error" sx={{ m: 2 }}>There is no resource named {name}.</Alert>;
  return <Editor key={name ?? '(new)'} initial={existing ? toDraft(existing) : emptyResource()} isNew={!existing} />;
}

function Editor({ initial, isNew }: { initial: ResourceDraft; isNew: boolean }) {
  const { document } = useMetadata();
  const notify = useNotify();
  const redirect = useRedirect();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<MetaError[]>([]);
  const [pending, setPending] = useState<Pending | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const resources = useMemo(() => {
    const others = (document?.resources ?? []).filter(r => r.name !== initial.name);
    return draft.name ? [...others, fromDraft(draft).definition] : others;
  }, [document, draft, initial.name]);
  const errorsByPath = useMemo(() => Object.fromEntries(errors.map(e => [normalizePath(e.path, draft.name), e.message])), [errors, draft.name]);
  const destructive = pending?.plan.some(s => s.destructive) ?? false;

  const edit = (change: Partial<ResourceDraft>) => {
    setDraft(d => ({ ...d, ...change }));
    setPending(null);
    setConfirmed(false);
  };

  const fail = (e: unknown) => {
    if (e instanceof MetaApiError) {
      setErrors(e.errors);
      if (e.result) setPending({ kind: 'put', plan: e.result.plan, version: e.result.version });
    } else setErrors([{ path: '', message: e instanceof Error ? e.message : String(e) }]);
  };

  const preview = async (kind: 'put' | 'delete') => {
    const { definition, errors: local } = fromDraft(draft);
    setErrors(Object.entries(local).map(([path, message]) => ({ path, message })));
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      const result = kind === 'put'
        ? await putResource(definition, { dryRun: true, allowDestructive: true, ifMatch: document?.version })
        : await deleteResource(initial.name, { dryRun: true, force: true, ifMatch: document?.version });
      setPending({ kind, plan: result.plan, version: document?.version ?? result.version });
      setConfirmed(false);
      setErrors([]);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      const result = pending.kind === 'put'
        ? await putResource(fromDraft(draft).definition, { allowDestructive: destructive, ifMatch: pending.version })
        : await deleteResource(initial.name, { force: true, ifMatch: pending.version });
      await reloadMetadata();
      notify(`Applied: metadata version ${result.version}`, { type: 'success' });
      redirect('/designer');
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box sx={{ p: 2 }}>
      <Title title={isNew ? 'New resource' : `Design ${initial.name}`} />
      <Card sx={{ mb: 2 }}>
        <CardContent sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
          <TextField size="small" label="Resource name" value={draft.name} disabled={!isNew}
            onChange={e => edit({ name: e.target.value })} error={!!errorsByPath.name} helperText={errorsByPath.name ?? 'PascalCase singular, e.g. Invoice'}
            slotProps={{ htmlInput: { 'aria-label': 'Resource name' } }} />
          <TextField size="small" label="Plural" value={draft.plural} onChange={e => edit({ plural: e.target.value })}
            error={!!errorsByPath.plural} helperText={errorsByPath.plural ?? 'optional'} slotProps={{ htmlInput: { 'aria-label': 'Plural' } }} />
          <TextField size="small" label="Description" value={draft.description} sx={{ flex: 1, minWidth: 240 }}
            onChange={e => edit({ description: e.target.value })} slotProps={{ htmlInput: { 'aria-label': 'Resource description' } }} />
        </CardContent>
      </Card>

      <Typography variant="h6">Fields</Typography>
      {draft.fields.map((field, i) => (
        <FieldEditor key={field.key} index={i} field={field} resources={resources} errors={errorsByPath}
          onChange={f => edit({ fields: draft.fields.map((x, j) => (j === i ? f : x)) })}
          onRemove={() => edit({ fields: draft.fields.filter((_, j) => j !== i) })} />
      ))}
      <Button onClick={() => edit({ fields: [...draft.fields, emptyField()] })}>Add field</Button>

      <Typography variant="h6" sx={{ mt: 2 }}>Indexes</Typography>
      {draft.indexes.map((index, i) => (
        <Paper key={index.key} variant="outlined" sx={{ p: 1, mb: 1, display: 'flex', gap: 1, alignItems: 'center' }} data-testid={`index-${i}`}>
          <TextField size="small" label="Fields (comma-separated)" value={index.fieldsText} sx={{ width: 320 }}
            error={!!errorsByPath[`indexes[${i}]`] || !!errorsByPath[`indexes[${i}].fields`]}
            helperText={errorsByPath[`indexes[${i}]`] ?? errorsByPath[`indexes[${i}].fields`]}
            onChange={e => edit({ indexes: draft.indexes.map((x, j) => (j === i ? { ...x, fieldsText: e.target.value } : x)) })} />
          <FormControlLabel label="unique" control={<Checkbox checked={index.unique}
            onChange={e => edit({ indexes: draft.indexes.map((x, j) => (j === i ? { ...x, unique: e.target.checked } : x)) })} />} />
          <IconButton aria-label="Remove index" onClick={() => edit({ indexes: draft.indexes.filter((_, j) => j !== i) })}><DeleteIcon /></IconButton>
        </Paper>
      ))}
      <Button onClick={() => edit({ indexes: [...draft.indexes, emptyIndex()] })}>Add index</Button>

      <Typography variant="h6" sx={{ mt: 2 }}>Access rules</Typography>
      {draft.access.map((rule, i) => {
        const setRule = (change: Partial<typeof rule>) => edit({ access: draft.access.map((x, j) => (j === i ? { ...x, ...change } : x)) });
        return (
          <Paper key={rule.key} variant="outlined" sx={{ p: 1, mb: 1, display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'flex-start' }} data-testid={`access-${i}`}>
            <TextField size="small" label="Role" value={rule.role} onChange={e => setRule({ role: e.target.value })}
              error={!!errorsByPath[`access[${i}].role`]} helperText={errorsByPath[`access[${i}].role`]} />
            {ACTIONS.map(action => (
              <FormControlLabel key={action} label={action} control={<Checkbox checked={rule.actions.includes(action)}
                onChange={e => setRule({ actions: e.target.checked ? [...rule.actions, action] : rule.actions.filter(a => a !== action) })} />} />
            ))}
            <TextField size="small" label="Where (JSON WhereInput)" value={rule.whereText} multiline minRows={1} sx={{ width: 320 }}
              placeholder='{"owner": {"id": "$claims.sub"}}' onChange={e => setRule({ whereText: e.target.value })}
              error={!!errorsByPath[`access[${i}].where`]} helperText={errorsByPath[`access[${i}].where`]} />
            <TextField size="small" label="Fields (comma-separated; empty = all)" value={rule.fieldsText} sx={{ width: 280 }}
              onChange={e => setRule({ fieldsText: e.target.value })}
              error={!!errorsByPath[`access[${i}].fields`]} helperText={errorsByPath[`access[${i}].fields`]} />
            <IconButton aria-label="Remove rule" onClick={() => edit({ access: draft.access.filter((_, j) => j !== i) })}><DeleteIcon /></IconButton>
          </Paper>
        );
      })}
      <Button onClick={() => edit({ access: [...draft.access, emptyAccess()] })}>Add access rule</Button>

      {errors.length > 0 && (
        <Alert severity="error" sx={{ mt: 2 }} data-testid="designer-errors">
          {errors.map((e, i) => <div key={i}>{e.path ? <b>{e.path}: </b> : null}{e.message}</div>)}
        </Alert>
      )}

      <Box sx={{ mt: 2, display: 'flex', gap: 1 }}>
        <Button variant="outlined" disabled={busy} onClick={() => void preview('put')}>Preview plan</Button>
        {!isNew && <Button color="error" disabled={busy} onClick={() => void preview('delete')}>Delete resource…</Button>}
        <Button onClick={() => redirect('/designer')}>Cancel</Button>
      </Box>

      {pending && (
        <Card sx={{ mt: 2 }}>
          <CardContent>
            <Typography variant="h6">{pending.kind === 'delete' ? `Plan: delete ${initial.name}` : 'Plan'}</Typography>
            <PlanView plan={pending.plan} />
            {destructive && (
              <Alert severity="warning" sx={{ mt: 1 }}>
                Steps marked destructive drop data that cannot be recovered.
                <FormControlLabel sx={{ display: 'block' }} label="I understand; apply the destructive steps"
                  control={<Checkbox checked={confirmed} onChange={e => setConfirmed(e.target.checked)} />} />
              </Alert>
            )}
            <Button sx={{ mt: 1 }} variant="contained" color={destructive ? 'error' : 'primary'} disabled={busy || (destructive && !confirmed)}
              onClick={() => void apply()}>
              Apply
            </Button>
          </CardContent>
        </Card>
      )}
    </Box>
  );
}

/** `resources[Invoice].fields[2].type` and `fields[2].type` both address the same input. */
function normalizePath(path: string, resource: string): string {
  const prefix = `resources[${resource}].`;
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}
