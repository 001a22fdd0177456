import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { accessToken, authorizedFetch, readTokens } from './session';

const TOKENS = 'engine-admin.tokens';

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() { return items.size; },
    clear: () => items.clear(),
    getItem: k => items.get(k) ?? null,
    key: i => [...items.keys()][i] ?? null,
    removeItem: k => void items.delete(k),
    setItem: (k, v) => void items.set(k, v),
  };
}

const tokenResponse = (body: object, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('session', () => {
  let fetchMock: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    vi.stubGlobal('sessionStorage', memoryStorage());
    fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('uses a token that is far from expiry without asking the engine', async () => {
    sessionStorage.setItem(TOKENS, JSON.stringify({ accessToken: 'a1', refreshToken: 'r1', expiresAt: Date.now() + 600_000 }));
    expect(await accessToken()).toBe('a1');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('refreshes a token about to expire once, however many callers ask, and keeps the refresh token', async () => {
    sessionStorage.setItem(TOKENS, JSON.stringify({ accessToken: 'a1', refreshToken: 'r1', expiresAt: Date.now() + 10_000 }));
    fetchMock.mockResolvedValue(tokenResponse({ access_token: 'a2', expires_in: 3600 }));
    expect(await Promise.all([accessToken(), accessToken()])).toEqual(['a2', 'a2']);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/connect/token');
    expect(Object.fromEntries(init.body as URLSearchParams)).toEqual({
      grant_type: 'refresh_token', refresh_token: 'r1', client_id: 'engine-admin-designer',
    });
    expect(readTokens()).toMatchObject({ accessToken: 'a2', refreshToken: 'r1' });
  });

  it('signs out when the refresh token is refused', async () => {
    sessionStorage.setItem(TOKENS, JSON.stringify({ accessToken: 'a1', refreshToken: 'r1', expiresAt: Date.now() - 1 }));
    fetchMock.mockResolvedValue(tokenResponse({ error: 'invalid_grant' }, 400));
    expect(await accessToken()).toBeNull();
    expect(readTokens()).toBeNull();
  });

  it('retries a call answered 401 once with a refreshed token', async () => {
    sessionStorage.setItem(TOKENS, JSON.stringify({ accessToken: 'old', refreshToken: 'r1', expiresAt: Date.now() + 600_000 }));
    fetchMock
      .mockResolvedValueOnce(new Response('', { status: 401 }))
      .mockResolvedValueOnce(tokenResponse({ access_token: 'new', refresh_token: 'r2', expires_in: 3600 }))
      .mockResolvedValueOnce(new Response('{}', { status: 200 }));
    const response = await authorizedFetch('/meta');
    expect(response.status).toBe(200);
    expect((fetchMock.mock.calls[2][1].headers as Headers).get('Authorization')).toBe('Bearer new');
    expect(readTokens()).toMatchObject({ accessToken: 'new', refreshToken: 'r2' });
  });
});
