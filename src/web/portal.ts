import { Hono, type Context } from 'hono';
import type { RegistryService } from '../services/registry-service.ts';

// Placeholder until the portal lands; replaced by the real server-rendered portal.
export function createPortal(_registry: RegistryService): Hono {
  const app = new Hono();
  app.get('/', (c) => c.html('<!doctype html><title>Tripartite</title><h1>Tripartite</h1>'));
  return app;
}

export function renderPortalError(c: Context, status: number, detail: string | null): Response {
  return c.html(`<!doctype html><title>${status}</title><h1>${status}</h1><p>${detail ?? ''}</p>`, status as 404);
}
