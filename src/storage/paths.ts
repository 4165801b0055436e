import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, so commands work from any working directory. */
export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BUNDLED_DATA_DIR = join(PROJECT_ROOT, 'data');
