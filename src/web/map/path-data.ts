/**
 * Shorter SVG path data for the map (issue 10's weight budget: the inline map is most of an
 * instrument page). d3-geo writes every point absolute (`M561,136L562,135L563,135Z`); at whole-pixel
 * precision neighbouring points differ by a few pixels, so relative steps (`M561,136l1-1 1,0z`) are
 * about half the characters, and a step of 0,0 (two points rounded onto the same pixel) is dropped.
 * The shape drawn is the same point for point. Pure: no I/O.
 */

const TOKEN = /([MLZ])|(-?\d+(?:\.\d+)?)|([\s,]+)|(.)/gi;

/** A number after another: a minus sign separates it by itself. */
const next = (n: number): string => (n < 0 ? String(n) : ` ${n}`);

/**
 * `d` with relative steps. Only the absolute M, L and Z commands with whole-number coordinates that
 * d3-geo writes at `digits(0)` are rewritten; any other path data is returned as it is.
 */
export function compactPathData(d: string): string {
  const commands: { c: 'M' | 'L' | 'Z'; x: number; y: number }[] = [];
  let command: 'M' | 'L' | 'Z' | null = null;
  let pending: number[] = [];
  for (const [, letter, number, space, other] of d.matchAll(TOKEN)) {
    if (other !== undefined) return d;
    if (space !== undefined) continue;
    if (letter !== undefined) {
      if (pending.length > 0) return d;
      command = letter as 'M' | 'L' | 'Z';
      if (command === 'Z') commands.push({ c: 'Z', x: 0, y: 0 });
      continue;
    }
    if (number === undefined || command === null || command === 'Z' || number.includes('.')) return d;
    pending.push(Number(number));
    if (pending.length === 2) {
      commands.push({ c: command, x: pending[0] as number, y: pending[1] as number });
      // Further pairs after a moveto are linetos (SVG path grammar).
      if (command === 'M') command = 'L';
      pending = [];
    }
  }
  if (pending.length > 0 || commands.length === 0) return d;

  let out = '';
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  let inLine = false;
  for (const cmd of commands) {
    if (cmd.c === 'Z') {
      out += 'z';
      x = startX;
      y = startY;
      inLine = false;
    } else if (cmd.c === 'M') {
      out += out === '' ? `M${cmd.x},${cmd.y}` : `m${cmd.x - x}${next(cmd.y - y).replace(/^ /, ',')}`;
      x = startX = cmd.x;
      y = startY = cmd.y;
      inLine = false;
    } else {
      const dx = cmd.x - x;
      const dy = cmd.y - y;
      if (dx === 0 && dy === 0) continue;
      out += `${inLine ? next(dx) : `l${dx}`}${next(dy).replace(/^ /, ',')}`;
      x = cmd.x;
      y = cmd.y;
      inLine = true;
    }
  }
  return out;
}
