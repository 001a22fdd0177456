import type { AuthProvider } from 'react-admin';
import { beginLogin, claims, clearTokens, readTokens, roles } from './session';

/** react-admin's auth provider over the engine's OAuth2 server (authorization code + PKCE, tokens in sessionStorage). */
export const authProvider: AuthProvider = {
  login: () => {
    // react-admin calls this from its /login route; come back to the start page rather than to the login page.
    beginLogin('#/');
    return new Promise(() => undefined);
  },
  logout: () => {
    clearTokens();
    return Promise.resolve();
  },
  checkAuth: () => (readTokens() ? Promise.resolve() : Promise.reject(new Error('Sign in to continue.'))),
  checkError: (error: { status?: number }) =>
    error?.status === 401 ? Promise.reject(new Error('Your session has ended.')) : Promise.resolve(),
  getPermissions: () => Promise.resolve(roles()),
  getIdentity: () => {
    const c = claims();
    if (!c) return Promise.reject(new Error('Not signed in.'));
    const name = c.name ?? c.preferred_username ?? c.sub ?? 'signed in';
    return Promise.resolve({ id: c.sub ?? name, fullName: `${name} (${roles().join(', ') || 'no role'})` });
  },
};
