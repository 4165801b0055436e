import assert from 'node:assert/strict';
import { test } from 'node:test';
import { registryFacts } from '../../screening/testing.ts';
import { type CheckInput, type CountryFacts, compareVerdicts, evaluate, type Sex, type Verdict } from './index.ts';

/*
 * Severity (permitted < other_law < conditional < prohibited < worst_form) never decreases from
 * light to regular to hazardous work for the same person, slavery is never less severe than
 * hazardous work, and never permitted. Checked for every member State in the bundled data, every
 * age from 5 to 18 and every variant of the inputs that rules read: not sampled, all of them.
 */

const AGES = Array.from({ length: 14 }, (_, i) => 5 + i);
const HOURS: (number | null)[] = [null, 2, 3, 4, 8];
const NIGHTS: (boolean | null)[] = [null, false, true];
const SEXES: (Sex | null)[] = [null, 'female', 'male'];
const CHAIN = ['light', 'regular', 'hazardous', 'slavery'] as const;

function inversions(facts: CountryFacts): string[] {
  const found: string[] = [];
  for (const age of AGES)
    for (const hoursPerDay of HOURS)
      for (const night of NIGHTS)
        for (const sex of SEXES) {
          const person: Omit<CheckInput, 'work'> = { age, hoursPerDay, night, sex };
          const verdicts = CHAIN.map((work) => evaluate(facts, { ...person, work }).verdict);
          const where = `${facts.iso3} age ${age}, ${hoursPerDay ?? '-'} h, night ${night}, sex ${sex}`;
          for (let i = 1; i < CHAIN.length; i++) {
            if (compareVerdicts(verdicts[i]!, verdicts[i - 1]!) < 0)
              found.push(`${where}: ${CHAIN[i - 1]} ${verdicts[i - 1]} but ${CHAIN[i]} ${verdicts[i]}`);
          }
          if (verdicts[3] === 'permitted') found.push(`${where}: slavery permitted`);
        }
  return found;
}

test('every member State: severity never decreases light → regular → hazardous → slavery', async () => {
  const all = await registryFacts();
  assert.ok(all.size > 180, `expected every member State, got ${all.size}`);
  const found = [...all.values()].flatMap(inversions);
  assert.deepEqual(found.slice(0, 20), [], `${found.length} inversions`);
});

test('slavery is never permitted, at any age, in any member State', async () => {
  for (const facts of (await registryFacts()).values()) {
    for (let age = 0; age <= 120; age++) {
      const verdict: Verdict = evaluate(facts, { age, work: 'slavery' }).verdict;
      assert.ok(compareVerdicts(verdict, 'prohibited') >= 0, `${facts.iso3} age ${age}: ${verdict}`);
    }
  }
});
