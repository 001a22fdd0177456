import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { completeLogin, keepAlive, readTokens } from './auth/session';
import { followMetadata } from './meta/metadataStore';

const root = createRoot(document.getElementById('root')!);

/** /admin/callback is where the engine's login page sends the browser back with the authorization code. */
async function start() {
  if (window.location.pathname.replace(/\/+$/, '').endsWith('/admin/callback')) {
    try {
      const returnTo = await completeLogin(window.location.search);
      window.history.replaceState(null, '', `/admin/${returnTo.startsWith('#') ? returnTo : '#/'}`);
    } catch (e) {
      root.render(<p style={{ fontFamily: 'sans-serif', margin: '4rem' }}>Sign-in failed: {e instanceof Error ? e.message : String(e)} <a href="/admin/">Try again</a></p>);
      return;
    }
  }
  if (readTokens()) {
    followMetadata();
    keepAlive();
  }
  root.render(<StrictMode><App /></StrictMode>);
}

void start();
