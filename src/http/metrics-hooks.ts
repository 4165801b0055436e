/**
 * What handlers report to the metrics, kept apart from src/http/metrics.ts so that a server without
 * metrics never loads prom-client: here a handler finds the app's metrics on the request, if any.
 */
import type { Context } from 'hono';

export interface ScreeningMetrics {
  screened(rows: number, seconds: number): void;
}

/** The request variable the metrics middleware sets. */
export const METRICS_VARIABLE = 'metrics';

/**
 * Starts timing a screening; call the result with the rows read once it has ended. Screenings that
 * fail part-way are not counted: their row count is unknown.
 */
export function startScreeningTimer(c: Context): (rows: number) => void {
  const metrics = c.get(METRICS_VARIABLE as never) as ScreeningMetrics | undefined;
  if (!metrics) return () => {};
  const started = performance.now();
  return (rows) => metrics.screened(rows, (performance.now() - started) / 1000);
}
