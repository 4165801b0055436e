import { SEX_VALUES } from './fields.ts';
import type { EngineInput, EngineResult, ScreeningEngine } from './types.ts';

/**
 * One distinct row outcome: what the screener reports for a row (verdict, minimum age, uncertainty,
 * citations). Outcomes are interned, so a 10-million-row file has a few hundred of them.
 */
export interface Outcome {
  readonly id: number;
  readonly verdict: string;
  readonly verdictIndex: number;
  readonly minimumAge: number | null;
  readonly uncertain: boolean;
  /** Distinct citations of the reasons, in order, joined with `; `. */
  readonly citations: string;
}

/** Projection of a `CheckResult` onto what the screener reports for a row. */
export function outcomeOf(result: EngineResult): Omit<Outcome, 'id' | 'verdictIndex'> {
  const seen = new Set<string>();
  for (const r of result.reasons) if (r.citation) seen.add(r.citation);
  return {
    verdict: result.verdict,
    minimumAge: result.minimumAge ?? null,
    uncertain: result.uncertain === true,
    citations: [...seen].join('; '),
  };
}

/** Ages are 0..AGE_SLOTS − 1 (the screener rejects ages over 120). */
export const AGE_SLOTS = 128;
export const MAX_WORK_KINDS = 16;
const SLOT_EMPTY = -1;
/** The result can depend on hours or night: key on them too. */
const SLOT_SENSITIVE = -2;
/** Bound on the (slot, hours, night) sub-cache; past it, such rows are evaluated every time. */
const MAX_SUB_ENTRIES = 250_000;

/** The cache disagreed with `evaluate`: the engine's age breakpoints are incomplete. Never a row error. */
export class CacheMismatchError extends Error {
  override readonly name = 'CacheMismatchError';
}

/**
 * Memoises `evaluate` so that it runs once per distinct key, and stays exact.
 *
 * Key: (fact class, sex, work kind, age class), plus the exact hours (micro-hours) and night where
 * the engine says the result can depend on them (`readsHoursOrNight`). Sex (unknown, female, male)
 * is always in the key, so the cache needs no knowledge of which rules read it; a file without a
 * `sex` column only ever fills the "unknown" third.
 * - Fact class: States whose facts are the same (`factsKey`) share their results, as evaluate
 *   is a function of the facts; 187 States have about 80 distinct sets of facts.
 * - Age class: from the engine's `ageBreakpoints(facts)`, ages between two consecutive ages at
 *   which a rule can change its answer share one evaluation.
 * Because both rest on knowledge about the rules, they are checked as the file is read: one in
 * VERIFY_ONE_IN exact (State, work, age) keys, chosen by a hash of the key, is evaluated for real
 * with that State's own facts when first met and compared; a difference throws CacheMismatchError
 * rather than report a wrong verdict.
 */
export class VerdictCache<F> {
  readonly outcomes: Outcome[] = [];
  /** Rows per outcome id; the screener increments it on the hot path. */
  readonly counts: number[] = [];
  /** `(factClass << 13) | (sex << 11) | (work << 7) | ageClass` → outcome id, SLOT_EMPTY or SLOT_SENSITIVE. */
  slots: Int32Array;
  /** Bit `(country << 13) | (sex << 11) | (work << 7) | age`: set once a row with that exact key has been resolved. */
  seen: Uint8Array;
  /** `(country << 7) | age` → `(factClass << 13) | ageClass`: OR in `(sex << 11) | (work << 7)` for the slot. */
  slotBase: Int32Array;
  /** Calls to `evaluate` (cache fills, hours-sensitive rows and verifications). */
  evaluations = 0;
  verifications = 0;
  private readonly facts: F[] = [];
  private countryCapacity = 0;
  private classCapacity = 0;
  private readonly factClasses = new Map<string, number>();
  private readonly sub = new Map<number, Map<number, number>>();
  private subEntries = 0;
  private readonly interned = new Map<string, number>();
  private readonly verdictIndex: Map<string, number>;
  private readonly shared: boolean;

  constructor(private readonly engine: ScreeningEngine<F>) {
    if (engine.WORK_KINDS.length > MAX_WORK_KINDS) throw new Error(`the screener supports at most ${MAX_WORK_KINDS} work kinds`);
    this.verdictIndex = new Map(engine.VERDICTS.map((v, i) => [v, i]));
    this.shared = typeof engine.ageBreakpoints === 'function' || typeof engine.factsKey === 'function';
    this.slots = new Int32Array(0);
    this.seen = new Uint8Array(0);
    this.slotBase = new Int32Array(0);
    this.growCountries(256);
    this.growClasses(64);
  }

  get countries(): number {
    return this.facts.length;
  }

  get classes(): number {
    return this.factClasses.size;
  }

  /** Registers a State's facts; returns its country index. May replace the typed arrays. */
  addCountry(facts: F): number {
    const c = this.facts.length;
    if (c >= this.countryCapacity) this.growCountries(this.countryCapacity * 2);
    this.facts.push(facts);
    const key = this.engine.factsKey ? this.engine.factsKey(facts) : `#${c}`;
    let fc = this.factClasses.get(key);
    if (fc === undefined) {
      fc = this.factClasses.size;
      this.factClasses.set(key, fc);
      if (fc >= this.classCapacity) this.growClasses(this.classCapacity * 2);
    }
    const breakpoints = this.engine.ageBreakpoints ? [...new Set(this.engine.ageBreakpoints(facts))].sort((a, b) => a - b) : null;
    for (let age = 0, cls = 0, k = 0; age < AGE_SLOTS; age++) {
      if (breakpoints) {
        while (k < breakpoints.length && breakpoints[k]! <= age) {
          k++;
          cls++;
        }
      } else cls = age;
      this.slotBase[(c << 7) | age] = (fc << 13) | cls;
    }
    return c;
  }

  /**
   * Outcome id for a row. `hoursKey`: 0 = no hours; n ≥ 1 = (n − 1) micro-hours; −1 = a valid
   * value without an exact key (more than 6 decimals), evaluated uncached when it matters.
   * `sex`: a code of `parseSex` (0 unknown, 1 female, 2 male).
   * Throws what `evaluate` throws, and CacheMismatchError.
   */
  resolve(country: number, work: number, age: number, hoursKey: number, hours: number | null, night: boolean, sex = 0): number {
    const exactKey = (country << 13) | (sex << 11) | (work << 7) | age;
    const slot = this.slotBase[(country << 7) | age]! | (sex << 11) | (work << 7);
    const firstSight = (this.seen[exactKey >> 3]! & (1 << (exactKey & 7))) === 0;
    const state = this.slots[slot]!;
    let id: number;
    if (state === SLOT_EMPTY) {
      const input = this.input(work, age, hours, night, sex);
      id = this.intern(this.evaluate(country, input));
      const reads = this.engine.readsHoursOrNight;
      if (reads && !reads.call(this.engine, this.facts[country]!, input)) this.slots[slot] = id;
      else {
        this.slots[slot] = SLOT_SENSITIVE;
        if (hoursKey >= 0) this.remember(slot, hoursKey, night, id);
      }
      this.seen[exactKey >> 3]! |= 1 << (exactKey & 7);
      return id; // evaluated for this very row
    }
    if (state >= 0) id = state;
    else {
      if (hoursKey < 0) return this.intern(this.evaluate(country, this.input(work, age, hours, night, sex)));
      const hit = this.sub.get(slot)?.get(hoursKey * 2 + (night ? 1 : 0));
      if (hit === undefined) {
        id = this.intern(this.evaluate(country, this.input(work, age, hours, night, sex)));
        this.remember(slot, hoursKey, night, id);
        this.seen[exactKey >> 3]! |= 1 << (exactKey & 7);
        return id;
      }
      id = hit;
    }
    if (firstSight) {
      this.seen[exactKey >> 3]! |= 1 << (exactKey & 7);
      if (this.shared && Math.imul(exactKey ^ (exactKey >>> 13), 0x9e3779b1) >>> (32 - VERIFY_BITS) === 0)
        this.verify(country, work, age, hours, night, sex, id);
    }
    return id;
  }

  /** Evaluates without the cache. */
  direct(country: number, work: number, age: number, hours: number | null, night: boolean, sex = 0): EngineResult {
    return this.evaluate(country, this.input(work, age, hours, night, sex));
  }

  private verify(country: number, work: number, age: number, hours: number | null, night: boolean, sex: number, cached: number): void {
    this.verifications++;
    const exact = this.intern(this.evaluate(country, this.input(work, age, hours, night, sex)));
    if (exact === cached) return;
    const a = this.outcomes[cached]!;
    const b = this.outcomes[exact]!;
    throw new CacheMismatchError(
      `screening cache disagrees with the rule engine (work ${this.engine.WORK_KINDS[work]}, age ${age}, sex ${SEX_VALUES[sex] ?? 'unknown'}): cached ${a.verdict} [${a.citations}], ` +
        `evaluate gives ${b.verdict} [${b.citations}]. The engine's ageBreakpoints() misses an age its rules compare with.`,
    );
  }

  private input(work: number, age: number, hours: number | null, night: boolean, sex: number): EngineInput {
    return { age, work: this.engine.WORK_KINDS[work]!, hoursPerDay: hours, night, sex: SEX_VALUES[sex]! };
  }

  private evaluate(country: number, input: EngineInput): EngineResult {
    this.evaluations++;
    return this.engine.evaluate(this.facts[country]!, input);
  }

  private remember(slot: number, hoursKey: number, night: boolean, id: number): void {
    if (this.subEntries >= MAX_SUB_ENTRIES) return;
    let bucket = this.sub.get(slot);
    if (!bucket) {
      bucket = new Map();
      this.sub.set(slot, bucket);
    }
    bucket.set(hoursKey * 2 + (night ? 1 : 0), id);
    this.subEntries++;
  }

  private intern(result: EngineResult): number {
    const o = outcomeOf(result);
    const key = `${o.verdict}\u0000${o.minimumAge}\u0000${o.uncertain ? 1 : 0}\u0000${o.citations}`;
    const known = this.interned.get(key);
    if (known !== undefined) return known;
    const verdictIndex = this.verdictIndex.get(o.verdict);
    if (verdictIndex === undefined) throw new Error(`rule engine returned an unknown verdict "${o.verdict}"`);
    const id = this.outcomes.length;
    this.outcomes.push({ id, verdictIndex, ...o });
    this.counts.push(0);
    this.interned.set(key, id);
    return id;
  }

  private growCountries(capacity: number): void {
    const seen = new Uint8Array(capacity << 10);
    seen.set(this.seen);
    const slotBase = new Int32Array(capacity << 7);
    slotBase.set(this.slotBase);
    this.seen = seen;
    this.slotBase = slotBase;
    this.countryCapacity = capacity;
  }

  private growClasses(capacity: number): void {
    const slots = new Int32Array(capacity << 13).fill(SLOT_EMPTY);
    slots.set(this.slots);
    this.slots = slots;
    this.classCapacity = capacity;
  }
}

/** One exact key in 2^VERIFY_BITS is checked against `evaluate` when first met. */
const VERIFY_BITS = 5;
export const VERIFY_ONE_IN = 1 << VERIFY_BITS;
