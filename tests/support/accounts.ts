import { argon2Hasher } from '../../src/storage/argon2-hasher.ts';

/** Cheap argon2id parameters: the tests exercise the logic, not the cost. */
export const testHasher = argon2Hasher({ memoryCost: 1024, timeCost: 1 });

export const PASSWORD = 'correct horse battery staple';

export interface Client {
  cookie: string;
  csrf: string;
}

type RequestFn = (path: string, init?: RequestInit) => Response | Promise<Response>;

export async function signIn(request: RequestFn, email: string, password = PASSWORD): Promise<Client> {
  const res = await request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const body = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: body.csrfToken };
}

export function asClient(client: Client | null, init: RequestInit = {}): RequestInit {
  const headers = new Headers(init.headers);
  if (client) {
    headers.set('cookie', client.cookie);
    headers.set('x-csrf-token', client.csrf);
  }
  if (init.body && !headers.has('content-type')) headers.set('content-type', 'application/json');
  return { ...init, headers };
}
