import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  type CompositionRules,
  checkMembers,
  checkSeatArithmetic,
  checkSession,
  composition,
  cyclePeriodAt,
  type GbMember,
  type GbPeriod,
  periodAt,
} from './governing-body.ts';
import { governingBodyGaps } from './governing-body-gaps.ts';

const p = { source: 'test source', confidence: 'medium' as const, notes: null };
const PERMANENT = ['BRA', 'CHN', 'FRA', 'DEU', 'IND', 'ITA', 'JPN', 'RUS', 'GBR', 'USA'];

function rules(over: Partial<Record<string, number>> = {}, permanent = PERMANENT): CompositionRules {
  const n = { gt: 28, et: 14, wt: 14, at: 56, gd: 28, ed: 19, wd: 19, ad: 66, ...over };
  return {
    seats: [
      { group: 'government', memberType: 'titular', seats: n.gt, ...p },
      { group: 'employers', memberType: 'titular', seats: n.et, ...p },
      { group: 'workers', memberType: 'titular', seats: n.wt, ...p },
      { group: 'all', memberType: 'titular', seats: n.at, ...p },
      { group: 'government', memberType: 'deputy', seats: n.gd, ...p },
      { group: 'employers', memberType: 'deputy', seats: n.ed, ...p },
      { group: 'workers', memberType: 'deputy', seats: n.wd, ...p },
      { group: 'all', memberType: 'deputy', seats: n.ad, ...p },
    ],
    permanentSeats: permanent.map((iso3) => ({ iso3, ...p })),
    electionCycle: { years: 3, lastElection: '2021-06', text: 'every 3 years; last election June 2021', ...p },
  };
}

const member = (over: Partial<GbMember>): GbMember => ({
  holderIso3: 'IDN',
  holderName: null,
  group: 'government',
  memberType: 'titular',
  seat: 'elected',
  source: 'test',
  confidence: 'medium',
  notes: null,
  ...over,
});

const permanentMembers = PERMANENT.map((iso3) => member({ holderIso3: iso3, seat: 'permanent' }));
const period = (id: string, members: GbMember[]): GbPeriod => ({ id, startDate: null, endDate: null, members, ...p });

describe('seat arithmetic (Constitution Art 7(1), 7(2))', () => {
  test('the sourced counts add up: 28 + 14 + 14 = 56 titular, 28 + 19 + 19 = 66 deputy', () => {
    assert.deepEqual(checkSeatArithmetic(rules()), []);
  });

  const cases: [string, Partial<Record<string, number>>, string[], string][] = [
    ['deputy groups that do not add up', { ed: 18 }, PERMANENT, 'seats-add-up'],
    ['titular government seats other than Art 7(1)', { gt: 30, at: 58 }, PERMANENT, 'article-7-1'],
    ['nine permanent seats', {}, PERMANENT.slice(1), 'article-7-2'],
    ['a State listed twice', {}, [...PERMANENT.slice(1), 'USA'], 'one-government-seat'],
  ];
  for (const [name, over, permanent, rule] of cases)
    test(`refuses ${name}`, () => {
      assert.ok(
        checkSeatArithmetic(rules(over, permanent)).some((i) => i.rule === rule),
        JSON.stringify(checkSeatArithmetic(rules(over, permanent))),
      );
    });
});

describe('members of a period', () => {
  test('a State holds at most one government seat (titular or deputy)', () => {
    const issues = checkMembers(rules(), [member({}), member({ memberType: 'deputy' })]);
    assert.ok(issues.some((i) => i.rule === 'one-government-seat' && /IDN holds 2/.test(i.message)));
  });

  test('a permanent seat is held by a listed State, as a titular government seat', () => {
    assert.deepEqual(checkMembers(rules(), permanentMembers), []);
    assert.equal(checkMembers(rules(), [member({ seat: 'permanent' })])[0]?.field, 'members[0].holderIso3');
    assert.equal(
      checkMembers(rules(), [member({ holderIso3: 'USA', seat: 'permanent', memberType: 'deputy' })])[0]?.field,
      'members[0].seat',
    );
  });

  test('a State of chief industrial importance is not elected besides its permanent seat', () => {
    assert.ok(checkMembers(rules(), [member({ holderIso3: 'JPN', seat: 'elected' })]).some((i) => i.rule === 'article-7-2'));
  });

  test('no group has more members than seats; an employers member needs a name', () => {
    const fifteen = Array.from({ length: 15 }, (_, i) => member({ group: 'employers', holderIso3: null, holderName: `Org ${i}` }));
    assert.ok(checkMembers(rules(), fifteen).some((i) => i.message === '15 titular employers members for 14 seats'));
    assert.equal(checkMembers(rules(), [member({ group: 'workers', holderIso3: null })])[0]?.field, 'members[0].holderName');
  });
});

describe('composition: unknown seats are counted as unknown, never as empty', () => {
  test('the ten permanent seats known, every elected seat unknown', () => {
    const c = composition(rules(), period('2021-2024', permanentMembers));
    const gov = c.cells.find((x) => x.group === 'government' && x.memberType === 'titular');
    assert.deepEqual(gov, { group: 'government', memberType: 'titular', seats: 28, permanent: 10, knownElected: 0, unknown: 18 });
    assert.deepEqual(c.totals.titular, { seats: 56, known: 10, unknown: 46 });
    assert.deepEqual(c.totals.deputy, { seats: 66, known: 0, unknown: 66 });
    assert.equal(c.membership, 'partial');
    assert.ok(c.citations.includes('Constitution Art 7(2)'));
  });

  test('no member known: unknown; a seat count missing from the sources: its unknowns are unknown too', () => {
    assert.equal(composition(rules(), period('2024-2027', [])).membership, 'unknown');
    const partialRules = { ...rules(), seats: rules().seats.filter((s) => !(s.group === 'workers' && s.memberType === 'deputy')) };
    const c = composition(partialRules, period('2024-2027', []));
    assert.equal(c.cells.find((x) => x.group === 'workers' && x.memberType === 'deputy')?.unknown, null);
    assert.equal(c.totals.deputy.unknown, null);
  });

  test('every seat named: complete', () => {
    const all: GbMember[] = [...permanentMembers];
    const add = (n: number, over: Partial<GbMember>) => {
      for (let i = 0; i < n; i++) all.push(member({ holderIso3: null, holderName: `${over.group}-${over.memberType}-${i}`, ...over }));
    };
    add(18, { group: 'government', memberType: 'titular' });
    add(14, { group: 'employers', memberType: 'titular' });
    add(14, { group: 'workers', memberType: 'titular' });
    add(28, { group: 'government', memberType: 'deputy' });
    add(19, { group: 'employers', memberType: 'deputy' });
    add(19, { group: 'workers', memberType: 'deputy' });
    assert.equal(composition(rules(), period('2021-2024', all)).membership, 'complete');
  });
});

describe('periods in time', () => {
  const periods = [{ id: '2021-2024', startDate: '2021-06', endDate: '2024-06' }];
  const cases: [string, string | null][] = [
    ['2021-05-31', null],
    ['2021-06-01', '2021-2024'],
    ['2024-05-31', '2021-2024'],
    ['2024-06-15', null],
  ];
  for (const [asOf, expected] of cases)
    test(`on ${asOf} the recorded period is ${expected ?? 'unknown'}`, () => {
      assert.equal(periodAt(periods, asOf)?.id ?? null, expected);
    });

  const cycle = rules().electionCycle;
  const cycles: [string, string | null][] = [
    ['2020-01-01', null],
    ['2021-06-01', '2021-2024'],
    ['2024-05-31', '2021-2024'],
    ['2024-06-01', '2024-2027'],
    ['2026-12-03', '2024-2027'],
    ['2027-06-10', '2027-2030'],
  ];
  for (const [asOf, expected] of cycles)
    test(`the three-year cycle (Art 7(5)) puts ${asOf} in ${expected ?? 'no period'}`, () => {
      assert.equal(cyclePeriodAt(cycle, asOf)?.id ?? null, expected);
    });
  test('no cycle in the sources: no derived period', () => {
    assert.equal(cyclePeriodAt(null, '2026-12-03'), null);
  });
});

describe('sessions', () => {
  test('March, June and November are usual; another month is a warning, not a refusal', () => {
    assert.deepEqual(checkSession({ number: 350, startDate: '2024-03-14', endDate: '2024-03-28' }), { errors: [], warnings: [] });
    const august = checkSession({ number: 351, startDate: '2024-08-01', endDate: null });
    assert.deepEqual(august.errors, []);
    assert.equal(august.warnings[0]?.rule, 'session-month');
  });
  test('a number from 1 and dates in order', () => {
    assert.equal(checkSession({ number: 0, startDate: null, endDate: null }).errors[0]?.field, 'number');
    assert.equal(checkSession({ number: 3, startDate: '2024-03-28', endDate: '2024-03-14' }).errors[0]?.field, 'endDate');
    assert.equal(checkSession({ number: 3, startDate: '2024-13', endDate: null }).errors[0]?.field, 'startDate');
  });
});

describe('unknown membership becomes a gap', () => {
  test('a partly known period and the unrecorded period of the cycle are gaps for the secretariat', () => {
    const gaps = governingBodyGaps(rules(), [period('2021-2024', permanentMembers)], '2026-12-03');
    assert.deepEqual(
      gaps.map((g) => [g.kind, g.record, g.recordType, g.role]),
      [
        ['governing-body-members', '2021-2024', 'gb_period', 'secretariat'],
        ['governing-body-members', '2024-2027', 'gb_period', 'secretariat'],
      ],
    );
  });
  test('a recorded current period is not listed twice', () => {
    const gaps = governingBodyGaps(rules(), [period('2024-2027', [])], '2026-12-03');
    assert.deepEqual(
      gaps.map((g) => g.record),
      ['2024-2027'],
    );
  });
});
