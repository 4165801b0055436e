/** See cached-bundle.js. */
export function cachedBundle(entry: string, cacheDir: string, name: string, options?: { external?: string[] }): string | Promise<string>;
