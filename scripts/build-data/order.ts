/** Sort orders shared by the outputs of scripts/build-data.ts. */

/** Code-point order: the same on every machine, unlike localeCompare. */
export function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Instrument order: type C < P < R, then number (codes are normalised, e.g. C005). */
export function compareCodes(a: string, b: string): number {
  const types = 'CPR';
  return types.indexOf(a[0] ?? '') - types.indexOf(b[0] ?? '') || Number(a.slice(1)) - Number(b.slice(1));
}
