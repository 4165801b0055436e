import { existsSync } from 'node:fs';
import { REF } from '../../scripts/build-data/paths.ts';

/**
 * The tests of the data build read the sourced CSV files beside the checkout
 * (../shared/reference-data, or REFERENCE_DATA_DIR). A clone without them skips those tests, loudly;
 * the tests of what the build produced (data/) still run.
 */
export const REFERENCE_DATA_MISSING: string | false = existsSync(REF)
  ? false
  : `!!! SKIPPED: the reference data is not at ${REF} (set REFERENCE_DATA_DIR to test the data build)`;

if (REFERENCE_DATA_MISSING) console.log(REFERENCE_DATA_MISSING);
