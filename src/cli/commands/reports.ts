import type { Services } from '../../container.ts';
import type { Actor } from '../../domain/access/policy.ts';
import { DomainError } from '../../domain/errors.ts';
import { normaliseEmail } from '../../services/account-service.ts';
import { reportsCalendarFeed } from '../../services/reporting-ics.ts';
import type { CountryReports } from '../../services/reporting-service.ts';
import { boolFlag, type CommandSpec, type ParsedArgs, seeHelp, stringFlag } from '../args.ts';
import { withServices } from '../context.ts';
import { failure, usageError, usageFromDomain } from '../errors.ts';
import { table } from '../format.ts';
import { iso3, wholeNumber } from '../validate.ts';

const today = () => new Date().toISOString().slice(0, 10);
const KIND: Record<string, string> = { first: 'first', regular: 'regular', out_of_cycle: 'out of cycle' };

function country(args: ParsedArgs, command: string): string {
  const raw = stringFlag(args, 'country');
  if (!raw) throw usageError(`"${command}" needs --country ISO3, e.g. --country IDN ${seeHelp(command)}`);
  return iso3(raw, command, '--country');
}

async function reportsOf(io: Parameters<CommandSpec['run']>[1], code: string, year: number | null): Promise<CountryReports> {
  return withServices(io, async ({ reporting }) => {
    try {
      return await reporting.reportsFor(code, { year }, today());
    } catch (error) {
      if (error instanceof DomainError && error.code === 'not_found') throw failure(`no member State with ISO 3166 alpha-3 code "${code}"`);
      throw error;
    }
  });
}

export const reportsDueCommand: CommandSpec = {
  name: 'reports due',
  brief: "List a State's reports under Constitution Art 22: due dates, status, legal basis",
  summary:
    "A State's reports on the Conventions it ratified (Constitution Art 22): first, regular and out-of-cycle, due 1 September, with their status today, legal basis and the group and cycle used, or the datum still missing (GET /api/countries/:iso3/reports).",
  positionals: [],
  flags: {
    country: { type: 'string', value: 'ISO3', description: 'the member State, e.g. IDN (required)' },
    year: { type: 'string', value: 'YYYY', description: 'only the reports requested for this year (and those whose year is unknown)' },
    json: { type: 'boolean', description: 'print the same object as GET /api/countries/:iso3/reports' },
  },
  examples: ['tripartite reports due --country IDN', 'tripartite reports due --country IDN --year 2027 --json'],
  async run(args, io) {
    const code = country(args, this.name);
    const year = wholeNumber(stringFlag(args, 'year'), 1919, 2200, this.name, '--year') ?? null;
    const data = await reportsOf(io, code, year);
    if (boolFlag(args, 'json')) {
      io.stdout(`${JSON.stringify(data, null, 2)}\n`);
      return 0;
    }
    io.stdout(`${data.country.nameEn} (${data.country.iso3}): reports under Constitution Art 22, status on ${data.today}\n\n`);
    if (!data.reports.length) {
      io.stdout('No report.\n');
      return 0;
    }
    const rows = data.reports.map((r) => [
      r.instrument,
      KIND[r.kind] ?? r.kind,
      r.year === null ? 'unknown' : String(r.year),
      r.dueDate ?? 'unknown',
      r.status.replace(/_/g, ' ') + (r.received ? ` (sent ${r.received.dateSent})` : ''),
      r.missing
        ? `missing: ${r.missing.detail}`
        : r.group
          ? `group ${r.group.label}, every ${r.group.cycleYears} years`
          : r.legalBasis.slice(1).join('; ') || '-',
    ]);
    io.stdout(table(['Instrument', 'Report', 'Year', 'Due', 'Status', 'Group, cycle or basis'], rows));
    return 0;
  },
};

export const reportsIcsCommand: CommandSpec = {
  name: 'reports ics',
  brief: "Print a State's report due dates as an iCalendar feed (RFC 5545)",
  summary:
    "A State's report due dates as an iCalendar file: one all-day event per report with a stable UID (GET /api/countries/:iso3/reports.ics).",
  positionals: [],
  flags: { country: { type: 'string', value: 'ISO3', description: 'the member State, e.g. IDN (required)' } },
  examples: ['tripartite reports ics --country IDN > idn.ics'],
  async run(args, io) {
    const code = country(args, this.name);
    io.stdout(reportsCalendarFeed(await reportsOf(io, code, null), new Date()));
    return 0;
  },
};

async function actorOf(services: Services, as: string): Promise<Actor> {
  const { KyselyAccountRepository } = await import('../../storage/account-repository.ts');
  const email = normaliseEmail(as);
  const user = await new KyselyAccountRepository(services.handle.db).findUserByEmail(email);
  if (!user) throw failure(`no user with email ${email} (see tripartite user list)`);
  if (user.disabledAt) throw failure(`the user ${email} is disabled`);
  return { id: user.id, email: user.email, role: user.role, countries: user.countries };
}

export const reportsGroupYearCommand: CommandSpec = {
  name: 'reports group-year',
  brief: 'Enter the year a group of States reports in under a rule set (secretariat)',
  summary:
    "Enter or change the base year of one alphabetical group of States under a reporting rule set (POST /api/reporting/group-years), recorded in the history as made by the user given with --as. Every State's calendar follows at once.",
  positionals: [],
  flags: {
    as: { type: 'string', value: 'EMAIL', description: 'the secretariat user the change is recorded as (required)' },
    'rule-set': { type: 'string', value: 'ID', description: 'the rule set, e.g. fundamental-2012 (required)' },
    label: { type: 'string', value: 'LABEL', description: 'the group as the Governing Body names it, e.g. G-N (required)' },
    'first-letter': { type: 'string', value: 'A-Z', description: 'first initial of the English names in the group (required)' },
    'last-letter': { type: 'string', value: 'A-Z', description: 'last initial (required)' },
    'base-year': { type: 'string', value: 'YYYY', description: 'a year in which the group reports (required)' },
    subject: { type: 'string', value: 'TEXT', description: 'only for Conventions on this subject' },
    source: { type: 'string', value: 'TEXT', description: 'where the fact comes from (required)' },
    reason: { type: 'string', value: 'TEXT', description: 'why the change is made' },
    json: { type: 'boolean', description: 'print the change as the API returns it' },
  },
  examples: [
    'tripartite reports group-year --as sec@example.org --rule-set fundamental-2012 --label G-N --first-letter G --last-letter N --base-year 2027 --source "GB.316/INS/5"',
  ],
  async run(args, io) {
    const as = stringFlag(args, 'as');
    if (!as) throw usageError(`"${this.name}" needs --as EMAIL ${seeHelp(this.name)}`);
    const baseYear = wholeNumber(stringFlag(args, 'base-year'), 1919, 2200, this.name, '--base-year');
    const input = {
      ruleSetId: stringFlag(args, 'rule-set') ?? '',
      label: stringFlag(args, 'label') ?? '',
      firstLetter: stringFlag(args, 'first-letter') ?? '',
      lastLetter: stringFlag(args, 'last-letter') ?? '',
      subject: stringFlag(args, 'subject') ?? null,
      baseYear: baseYear ?? Number.NaN,
      source: stringFlag(args, 'source') ?? '',
      reason: stringFlag(args, 'reason') ?? null,
    };
    const result = await withServices(io, async (services) => {
      const actor = await actorOf(services, as);
      try {
        return await services.reporting.saveGroupYear(actor, input, new Date());
      } catch (error) {
        if (error instanceof DomainError && error.code === 'invalid')
          throw usageFromDomain(
            new DomainError(
              'invalid',
              error.message,
              error.issues.map((i) => ({ ...i, field: i.field === 'ruleSetId' ? 'ruleSet' : i.field })),
            ),
            seeHelp(this.name),
          );
        if (error instanceof DomainError) throw failure(error.message);
        throw error;
      }
    });
    if (boolFlag(args, 'json')) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    else io.stdout(result.event ? `Saved as change ${result.event.id}.\n` : 'Nothing changed.\n');
    return 0;
  },
};
