import type { Writable } from 'node:stream';

export interface EngineInput<W extends string = string> {
  age: number;
  work: W;
  hoursPerDay?: number | null;
  night?: boolean | null;
  /** Unknown when null (an empty or absent `sex` column). */
  sex?: 'female' | 'male' | null;
}

/**
 * What the screener needs from the rule engine (`src/domain/child-labour`). The byte-level core is
 * written against this shape; `index.ts` binds the real engine.
 */
export interface ScreeningEngine<F, V extends string = string, W extends string = string> {
  readonly WORK_KINDS: readonly W[];
  /** Severity order, least severe first. */
  readonly VERDICTS: readonly V[];
  evaluate(facts: F, input: EngineInput<W>): EngineResult<V>;
  /**
   * Every age at which a result for this State can change (ages `a < T` and `a >= T` may differ);
   * the screener evaluates once per class of ages between consecutive breakpoints. Without it,
   * every age is evaluated.
   */
  ageBreakpoints?(facts: F): readonly number[];
  /**
   * Two States with the same key get the same result for the same input (the facts the rules read
   * are equal), so they share cache entries. Without it, every State is evaluated on its own.
   */
  factsKey?(facts: F): string;
  /** Whether the result for this input could depend on `hoursPerDay` or `night`. Without it: always. */
  readsHoursOrNight?(facts: F, input: EngineInput<W>): boolean;
}

/** The part of a `CheckResult` the screener reads. */
export interface EngineResult<V extends string = string> {
  verdict: V;
  minimumAge: number | null;
  uncertain: boolean;
  reasons: readonly { citation: string }[];
}

export interface ScreenOptions<F> {
  /** Reference date of the screening, `YYYY-MM-DD`: ages are completed years on this day. */
  on: string;
  /** Country facts by ISO 3166 alpha-3; `undefined` means "not an ILO member State in the registry". */
  facts: ((iso3: string) => F | undefined) | ReadonlyMap<string, F>;
  /**
   * Receives the input rows with `verdict,minimum_age,citations` appended (valid and invalid rows).
   * Backpressure is respected. The stream is not ended: the caller owns it.
   */
  out?: Writable | null;
  /** Called at most ~10 times a second, and once at the end. */
  onProgress?: (bytesRead: number, rows: number) => void;
  /** How many row errors to keep in the summary (default 1000); the rest are only counted. */
  maxErrors?: number;
  /** Filled in at the end with cache figures (for benchmarks and diagnostics). */
  stats?: ScreenStats;
}

export interface ScreenStats {
  /** Calls to `evaluate`: cache fills, hours-sensitive rows and verifications. */
  evaluations?: number;
  /** Exact keys re-evaluated to check the age classes. */
  verifications?: number;
  /** Distinct outcomes (verdict, minimum age, uncertainty, citations). */
  outcomes?: number;
  /** Distinct countries met. */
  countries?: number;
  /** Distinct sets of facts among them (States with equal facts share cache entries). */
  factClasses?: number;
  /** Parallel file screening: threads used, ranges, and ranges screened again (a boundary fell inside a record). */
  threads?: number;
  ranges?: number;
  redoneRanges?: number;
}

export interface RowError {
  /** 1-based physical line of the row's first line (the header is line 1). */
  line: number;
  /** Column name, or `line` for a structural problem (over-long line, too many fields). */
  field: string;
  message: string;
}

export interface ScreenSummary<V extends string = string> {
  /** Data rows read (valid + invalid); blank lines are not rows. */
  rows: number;
  valid: number;
  invalid: number;
  verdicts: Record<V, number>;
  /** Valid rows whose result is marked uncertain (a fact the engine needed is unknown). */
  uncertain: number;
  errors: RowError[];
  truncatedErrors: boolean;
}
