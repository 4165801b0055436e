/**
 * The source a revert records. Stored in English (the history and the API are one language), it is
 * recognised again when shown, so a portal page can say it in its own language without losing a
 * character of what was stored (issue 8 item 6).
 */
export function revertSource(eventId: number, revertedSource: string, maxLength: number): string {
  return `revert of change ${eventId} (its source: ${revertedSource})`.slice(0, maxLength);
}

export interface ParsedRevertSource {
  eventId: number;
  /** The reverted change's own source: itself a revert's source when a revert was reverted. */
  revertedSource: string;
  /** The stored text was cut at the length limit (its closing parenthesis is missing). */
  truncated: boolean;
}

const REVERT_SOURCE = /^revert of change (\d{1,10}) \(its source: ([\s\S]*)$/;

export function parseRevertSource(text: string): ParsedRevertSource | null {
  const match = REVERT_SOURCE.exec(text);
  if (!match?.[1] || match[2] === undefined) return null;
  const rest = match[2];
  const closed = rest.endsWith(')');
  return { eventId: Number(match[1]), revertedSource: closed ? rest.slice(0, -1) : rest, truncated: !closed };
}
