import { codeChallenge, randomToken } from './pkce';

/** The engine's built-in first-party client for this app; its redirect URI is `<origin>/admin/callback` on any origin. */
export const CLIENT_ID = 'engine-admin-designer';
const TOKENS = 'engine-admin.tokens';
const PENDING = 'engine-admin.pending';
/** Refresh this long before the access token expires. */
const REFRESH_MARGIN_MS = 60_000;

export interface Tokens {
  accessToken: string;
  refreshToken?: string;
  expiresAt: number;
}

export interface Claims {
  sub?: string;
  name?: string;
  preferred_username?: string;
  role?: string | string[];
  [claim: string]: unknown;
}

const origin = () => window.location.origin;
export const redirectUri = () => `${origin()}/admin/callback`;

export function readTokens(): Tokens | null {
  const text = sessionStorage.getItem(TOKENS);
  return text ? (JSON.parse(text) as Tokens) : null;
}

function saveTokens(json: { access_token: string; refresh_token?: string; expires_in?: number }, previous?: Tokens | null) {
  const tokens: Tokens = {
    accessToken: json.access_token,
    refreshToken: json.refresh_token ?? previous?.refreshToken,
    expiresAt: Date.now() + (json.expires_in ?? 300) * 1000,
  };
  sessionStorage.setItem(TOKENS, JSON.stringify(tokens));
  return tokens;
}

export function clearTokens() {
  sessionStorage.removeItem(TOKENS);
}

/** Starts the authorization code flow: a fresh PKCE verifier and state, then the engine's login page. */
export function beginLogin(returnTo: string) {
  const verifier = randomToken();
  const state = randomToken(16);
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, returnTo }));
  const query = new URLSearchParams({
    client_id: CLIENT_ID,
    redirect_uri: redirectUri(),
    response_type: 'code',
    scope: 'openid offline_access',
    state,
    code_challenge: codeChallenge(verifier),
    code_challenge_method: 'S256',
  });
  window.location.assign(`${origin()}/connect/authorize?${query}`);
}

async function tokenRequest(form: Record<string, string>) {
  const response = await fetch('/connect/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  const json = await response.json().catch(() => null);
  if (!response.ok || !json?.access_token) {
    throw new Error(json?.error_description ?? json?.error ?? `The token endpoint answered HTTP ${response.status}.`);
  }
  return json;
}

/** Finishes the flow on /admin/callback: checks the state, trades the code for tokens; returns where to go next. */
export async function completeLogin(search: string): Promise<string> {
  const params = new URLSearchParams(search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null') as { verifier: string; state: string; returnTo: string } | null;
  sessionStorage.removeItem(PENDING);
  if (params.get('error')) throw new Error(params.get('error_description') ?? params.get('error')!);
  if (!pending || params.get('state') !== pending.state) throw new Error('The sign-in answer does not match a sign-in started here; try again.');
  const json = await tokenRequest({
    grant_type: 'authorization_code',
    code: params.get('code') ?? '',
    redirect_uri: redirectUri(),
    client_id: CLIENT_ID,
    code_verifier: pending.verifier,
  });
  saveTokens(json);
  return pending.returnTo;
}

let refreshing: Promise<Tokens | null> | null = null;

/** Trades the refresh token for new tokens once, however many callers ask at the same time. */
export function refresh(): Promise<Tokens | null> {
  refreshing ??= (async () => {
    const current = readTokens();
    if (!current?.refreshToken) return null;
    try {
      return saveTokens(await tokenRequest({ grant_type: 'refresh_token', refresh_token: current.refreshToken, client_id: CLIENT_ID }), current);
    } catch {
      clearTokens();
      return null;
    }
  })().finally(() => (refreshing = null));
  return refreshing;
}

/** A valid access token, refreshed first when it is about to expire; null when signed out. */
export async function accessToken(): Promise<string | null> {
  const tokens = readTokens();
  if (!tokens) return null;
  if (tokens.expiresAt - Date.now() > REFRESH_MARGIN_MS) return tokens.accessToken;
  return (await refresh())?.accessToken ?? null;
}

export function claims(): Claims | null {
  const token = readTokens()?.accessToken;
  if (!token) return null;
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload), c => c.charCodeAt(0)))) as Claims;
  } catch {
    return null;
  }
}

export function roles(): string[] {
  const role = claims()?.role;
  return role === undefined ? [] : Array.isArray(role) ? role : [role];
}

/** Keeps the session alive while the app is open: refreshes shortly before each expiry. */
export function keepAlive(): () => void {
  const timer = window.setInterval(() => {
    const tokens = readTokens();
    if (tokens && tokens.expiresAt - Date.now() <= REFRESH_MARGIN_MS) void refresh();
  }, 15_000);
  return () => window.clearInterval(timer);
}

/** fetch with the bearer token; one retry after a refresh when the engine says the token is no longer valid. */
export async function authorizedFetch(input: string, init: RequestInit = {}): Promise<Response> {
  const send = (token: string | null) => {
    const headers = new Headers(init.headers);
    if (token) headers.set('Authorization', `Bearer ${token}`);
    return fetch(input, { ...init, headers });
  };
  const response = await send(await accessToken());
  if (response.status !== 401 || !readTokens()?.refreshToken) return response;
  const renewed = await refresh();
  return renewed ? send(renewed.accessToken) : response;
}
