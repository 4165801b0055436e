import { DomainError } from '../../domain/errors.ts';
import { boolFlag, type CommandSpec, stringFlag } from '../args.ts';
import { withServices } from '../context.ts';
import { failure } from '../errors.ts';
import { fields, listOrNone, localised, orNotRecorded } from '../format.ts';
import { labelsFor } from '../labels.ts';
import { instrumentCode, lang } from '../validate.ts';
import { byCountryTable, coverageLine } from './ratification-table.ts';

const NAME = 'instrument';
const FIRST_ROWS = 10;

export const instrumentCommand: CommandSpec = {
  name: NAME,
  brief: 'Show one instrument and its ratifications',
  summary: 'One instrument: its metadata, the ILC session that adopted it and its recorded ratifications (GET /api/instruments/:code).',
  positionals: [{ name: 'code', description: 'instrument code such as C138, c138, P029 or R146' }],
  flags: {
    all: { type: 'boolean', description: `list every recorded ratification (default: the first ${FIRST_ROWS})` },
    lang: { type: 'string', value: 'en|id', description: 'language of labels and titles (default en)' },
    json: { type: 'boolean', description: 'print the same object as GET /api/instruments/:code' },
  },
  examples: ['tripartite instrument C138', 'tripartite instrument c182 --all --lang id', 'tripartite instrument C138 --json'],
  async run(args, io) {
    const code = instrumentCode(args.positionals[0] as string, NAME);
    const language = lang(stringFlag(args, 'lang'), NAME);
    const detail = await withServices(io, async ({ registry }) => {
      try {
        return await registry.getInstrument(code);
      } catch (error) {
        if (error instanceof DomainError && error.code === 'not_found') throw failure(`no instrument with code "${code}"`);
        throw error;
      }
    });
    if (boolFlag(args, 'json')) {
      io.stdout(`${JSON.stringify(detail, null, 2)}\n`);
      return 0;
    }
    const l = labelsFor(language);
    const { instrument: i, session } = detail;
    const title = localised(i.titleEn, i.titleId, language, l);
    const unofficial = language === 'id' && i.titleId && i.titleIdKind === 'unofficial' ? ` (${l.unofficialTranslation})` : '';
    const adopted = [orNotRecorded(i.adoptionDate, l)];
    if (session) adopted.push(l.sessionOf(session.number, session.year, session.place));
    else if (i.ilcSession !== null) adopted.push(l.sessionOf(i.ilcSession, null, null));
    const published =
      i.publishedCount?.count != null
        ? `${i.publishedCount.count}${i.publishedCount.asOf ? ` (${l.asOf(i.publishedCount.asOf)})` : ''}`
        : l.notRecorded;
    const pairs: [string, string][] = [];
    if (language === 'id') pairs.push([l.titleEnglish, i.titleEn]);
    pairs.push(
      [l.type, l.instrumentType[i.type]],
      [l.adopted, adopted.join(', ')],
      [l.entryIntoForce, orNotRecorded(i.entryIntoForce, l)],
      [l.status, i.status ? l.instrumentStatus[i.status] : l.notRecorded],
      [l.category, i.category ? l.instrumentCategory[i.category] : l.notRecorded],
      [l.subjects, listOrNone(i.subjects, l)],
      [
        l.revises,
        listOrNone(
          detail.revises.map((r) => r.code),
          l,
        ),
      ],
      [
        l.revisedBy,
        listOrNone(
          detail.revisedBy.map((r) => r.code),
          l,
        ),
      ],
    );
    if (i.type !== 'recommendation') {
      pairs.push([
        l.ratificationEif,
        i.ratificationEifMonths !== null ? l.monthsAfter(i.ratificationEifMonths, i.ratificationEifArticle) : l.notRecorded,
      ]);
      pairs.push([l.published, published]);
      pairs.push([l.recordedRatifications, String(detail.recordedRatifications)]);
      if (detail.coverage) pairs.push([l.coverage, coverageLine(detail.coverage, l)]);
    }
    pairs.push([
      l.sources,
      listOrNone(
        detail.sources.map((s) => s.id),
        l,
      ),
    ]);
    io.stdout(`${i.code}  ${title}${unofficial}\n\n`);
    io.stdout(fields(pairs));
    if (i.type === 'recommendation') return 0;
    const all = boolFlag(args, 'all');
    const shown = all ? detail.ratifications : detail.ratifications.slice(0, FIRST_ROWS);
    const heading =
      shown.length < detail.ratifications.length
        ? `${l.ratifications} (${l.firstOf(shown.length, detail.ratifications.length)})`
        : l.ratifications;
    io.stdout(`\n${heading}\n`);
    if (shown.length === 0) {
      io.stdout(`${l.noRatifications}\n`);
      return 0;
    }
    const withMinimumAge = i.code === 'C138' || shown.some((r) => r.minimumAge !== null);
    io.stdout(byCountryTable(shown, withMinimumAge, language, l));
    return 0;
  },
};
