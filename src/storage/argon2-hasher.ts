import { hash, verify } from '@node-rs/argon2';
import type { PasswordHasher } from '../services/account-ports.ts';

/** argon2id with the OWASP-recommended minimum (19 MiB, 2 passes); tests may lower the cost. */
export function argon2Hasher(options: { memoryCost?: number; timeCost?: number } = {}): PasswordHasher {
  const params = { memoryCost: options.memoryCost ?? 19_456, timeCost: options.timeCost ?? 2, parallelism: 1 };
  return {
    hash: (password) => hash(password, params),
    verify: async (h, password) => {
      try {
        return await verify(h, password);
      } catch {
        return false;
      }
    },
  };
}
