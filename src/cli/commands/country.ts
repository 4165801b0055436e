import { DomainError } from '../../domain/errors.ts';
import type { RatificationView } from '../../services/registry-service.ts';
import { boolFlag, type CommandSpec, stringFlag } from '../args.ts';
import { withServices } from '../context.ts';
import { failure } from '../errors.ts';
import { fields, localised, orNotRecorded } from '../format.ts';
import type { Labels } from '../labels.ts';
import { labelsFor } from '../labels.ts';
import { iso3, lang } from '../validate.ts';
import { byInstrumentTable, coverageLine } from './ratification-table.ts';

const NAME = 'country';

function ratifiedLine(r: RatificationView | null, l: Labels): string {
  if (!r) return l.notRatified;
  const state = r.status === 'denounced' ? l.denounced : l.ratified;
  return `${state} ${orNotRecorded(r.registrationDate, l)}`;
}

export const countryCommand: CommandSpec = {
  name: NAME,
  brief: "Show a member State's profile and ratifications",
  summary: "A member State's profile: every recorded ratification, the C138 declared minimum age and C182 (GET /api/countries/:iso3).",
  positionals: [{ name: 'iso3', description: 'ISO 3166 alpha-3 code such as IDN (any case)' }],
  flags: {
    lang: { type: 'string', value: 'en|id', description: 'language of labels, titles and names (default en)' },
    json: { type: 'boolean', description: 'print the same object as GET /api/countries/:iso3' },
  },
  examples: ['tripartite country IDN', 'tripartite country idn --lang id', 'tripartite country IDN --json'],
  async run(args, io) {
    const code = iso3(args.positionals[0] as string, NAME);
    const language = lang(stringFlag(args, 'lang'), NAME);
    const profile = await withServices(io, async ({ registry }) => {
      try {
        return await registry.getCountryProfile(code);
      } catch (error) {
        if (error instanceof DomainError && error.code === 'not_found')
          throw failure(`no member State with ISO 3166 alpha-3 code "${code}"`);
        throw error;
      }
    });
    if (boolFlag(args, 'json')) {
      io.stdout(`${JSON.stringify(profile, null, 2)}\n`);
      return 0;
    }
    const l = labelsFor(language);
    const { country: c, childLabour } = profile;
    const c138 = childLabour.c138;
    const age = c138.ratification
      ? `, ${l.declaredMinimumAge} ${c138.ratification.minimumAge ? `${c138.ratification.minimumAge.value} (${c138.ratification.minimumAge.article})` : l.notRecorded}`
      : '';
    io.stdout(`${localised(c.nameEn, c.nameId, language, l)} (${c.iso3})\n\n`);
    io.stdout(
      fields([
        [l.region, orNotRecorded(c.region, l)],
        [l.memberSince, orNotRecorded(c.membershipDate, l)],
        [l.recordedRatifications, String(profile.ratifications.length)],
        [l.coverage, coverageLine(profile.coverage, l)],
      ]),
    );
    io.stdout(`\n${l.childLabour}\n`);
    io.stdout(
      fields([
        ['  C138', `${ratifiedLine(c138.ratification, l)}${age}`],
        ['  C182', ratifiedLine(childLabour.c182.ratification, l)],
      ]),
    );
    io.stdout(`\n${l.ratifications}\n`);
    io.stdout(profile.ratifications.length ? byInstrumentTable(profile.ratifications, language, l) : `${l.noRatifications}\n`);
    return 0;
  },
};
