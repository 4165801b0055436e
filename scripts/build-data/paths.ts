/** Where scripts/build-data.ts reads and writes. REFERENCE_DATA_DIR overrides the input folder (default ../shared/reference-data). */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DATA = resolve(ROOT, 'data');
export const REF = resolve(process.env.REFERENCE_DATA_DIR ?? resolve(ROOT, '../shared/reference-data'));
