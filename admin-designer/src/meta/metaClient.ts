import { authorizedFetch } from '../auth/session';
import type { ChangeResult, HistoryEntry, MetaError, MetadataDocument, ResourceDefinition } from './types';

/** A refused metadata call: the HTTP status and the API's `{path, message}` errors. */
export class MetaApiError extends Error {
  constructor(readonly status: number, readonly errors: MetaError[], readonly result?: ChangeResult) {
    super(errors.map(e => (e.path ? `${e.path}: ${e.message}` : e.message)).join('\n') || `The metadata API answered HTTP ${status}.`);
    this.name = 'MetaApiError';
  }
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await authorizedFetch(path, {
    ...init,
    headers: { Accept: 'application/json', ...(init.body ? { 'Content-Type': 'application/json' } : {}), ...init.headers },
  });
  const json = await response.json().catch(() => null);
  if (!response.ok) {
    const errors: MetaError[] = json?.errors ?? [{ path: '', message: `HTTP ${response.status}` }];
    throw new MetaApiError(response.status, errors, json?.plan ? (json as ChangeResult) : undefined);
  }
  return json as T;
}

export const getDocument = () => call<MetadataDocument>('/meta');
export const getHistory = () => call<{ versions: HistoryEntry[] }>('/meta/history?limit=200').then(h => h.versions);

export interface ChangeOptions {
  dryRun?: boolean;
  allowDestructive?: boolean;
  ifMatch?: number;
}

function changeQuery(options: ChangeOptions, extra: Record<string, string> = {}) {
  const query = new URLSearchParams(extra);
  if (options.dryRun) query.set('dryRun', 'true');
  if (options.allowDestructive) query.set('allowDestructive', 'true');
  const text = query.toString();
  return text ? `?${text}` : '';
}

const ifMatch = (options: ChangeOptions): Record<string, string> =>
  options.ifMatch === undefined ? {} : { 'If-Match': `"${options.ifMatch}"` };

export const putResource = (definition: ResourceDefinition, options: ChangeOptions) =>
  call<ChangeResult>(`/meta/resources/${encodeURIComponent(definition.name)}${changeQuery(options)}`, {
    method: 'PUT',
    body: JSON.stringify(definition),
    headers: ifMatch(options),
  });

export const deleteResource = (name: string, options: ChangeOptions & { force?: boolean }) =>
  call<ChangeResult>(`/meta/resources/${encodeURIComponent(name)}${changeQuery(options, options.force ? { force: 'true' } : {})}`, {
    method: 'DELETE',
    headers: ifMatch(options),
  });

/** The metadata version the engine serves, from the anonymous readiness probe (cheap enough to poll). */
export async function servedVersion(): Promise<number | null> {
  const response = await fetch('/readyz', { cache: 'no-store' }).catch(() => null);
  const json = await response?.json().catch(() => null);
  return typeof json?.metadataVersion === 'number' ? json.metadataVersion : null;
}
