import { useSyncExternalStore } from 'react';
import { buildModels, type ResourceModel } from '../dataProvider/model';
import { getDocument, MetaApiError, servedVersion } from './metaClient';
import type { MetadataDocument } from './types';

/** What the app knows of the live metadata: the document, the data provider's models, or why it has none. */
export interface MetadataState {
  document: MetadataDocument | null;
  models: Map<string, ResourceModel>;
  error: string | null;
}

const POLL_MS = 3000;
let state: MetadataState = { document: null, models: new Map(), error: null };
const listeners = new Set<() => void>();

function publish(next: MetadataState) {
  state = next;
  listeners.forEach(l => l());
}

export const currentModels = () => state.models;

/** Loads the whole document again (after a change made here, or when the engine serves a newer version). */
export async function reloadMetadata(): Promise<void> {
  try {
    const document = await getDocument();
    publish({ document, models: buildModels(document.resources), error: null });
  } catch (e) {
    const message = e instanceof MetaApiError && e.status === 403
      ? 'Only the admin role may read the metadata; ask an admin for access.'
      : e instanceof Error ? e.message : String(e);
    publish({ ...state, error: message });
  }
}

/** Polls the served metadata version every few seconds, so the menu and views follow changes made anywhere. */
export function followMetadata(): () => void {
  let stopped = false;
  const tick = async () => {
    const version = await servedVersion();
    if (!stopped && version !== null && version !== state.document?.version) await reloadMetadata();
  };
  void reloadMetadata();
  const timer = window.setInterval(() => void tick(), POLL_MS);
  return () => {
    stopped = true;
    window.clearInterval(timer);
  };
}

export function useMetadata(): MetadataState {
  return useSyncExternalStore(
    listener => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}
