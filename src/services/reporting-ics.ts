import ical, { ICalCalendarMethod } from 'ical-generator';
import type { ReportKind } from '../domain/supervision/report-status.ts';
import type { CountryReports, ReportView } from './reporting-service.ts';

const KIND_TEXT: Record<ReportKind, string> = {
  first: 'first (detailed) report',
  regular: 'regular (simplified) report',
  out_of_cycle: 'out-of-cycle report',
};

/**
 * The event id of a report: the same State, instrument, kind and year always give the same UID, so
 * a calendar client that subscribed to the feed updates an event (its status, its copies) instead
 * of adding a second one (decision 133). The domain after '@' keeps it unique among other feeds.
 */
export function reportUid(r: Pick<ReportView, 'country' | 'instrument' | 'kind' | 'year'>): string {
  return `${r.country}-${r.instrument}-${r.kind}-${r.year}`.toLowerCase().replace(/_/g, '-') + '@reports.tripartite';
}

function description(r: ReportView): string {
  const lines = [
    `${r.instrument} ${r.instrumentRef.titleEn}`,
    `Kind: ${KIND_TEXT[r.kind]}${r.year === null ? '' : ` requested for ${r.year}`}`,
    `Due: ${r.dueDate}`,
    `Status: ${r.status.replace(/_/g, ' ')}${r.received ? ` (sent ${r.received.dateSent}: ${r.received.link})` : ''}`,
    `Legal basis: ${r.legalBasis.join('; ')}`,
  ];
  if (r.group) lines.push(`Group ${r.group.label} under ${r.group.ruleSetId}: every ${r.group.cycleYears} years from ${r.group.baseYear}`);
  lines.push(
    r.copiesTo
      ? `Copies to (${r.copiesTo.basis}): employers ${r.copiesTo.employers.join(', ') || '-'}; workers ${r.copiesTo.workers.join(', ') || '-'}`
      : "Copies to the most representative employers' and workers' organisations (Constitution Art 23(2)): not yet recorded",
  );
  return lines.join('\n');
}

/**
 * The State's reports as an iCalendar feed (RFC 5545, CRLF line endings): one all-day event on each
 * known due date, naming the instrument, the kind of report and the legal basis. Reports whose date
 * is unknown have no event (they are listed on the obligations page and in the JSON).
 */
export function reportsCalendarFeed(data: CountryReports, now: Date): string {
  const calendar = ical({
    name: `Art 22 reports: ${data.country.nameEn}`,
    description: `Reports ${data.country.nameEn} owes under Constitution Art 22 on the Conventions it has ratified (Tripartite)`,
    prodId: { company: 'Tripartite', product: 'reporting-calendar', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
  });
  for (const r of data.reports) {
    if (r.dueDate === null || r.year === null) continue;
    const [y, m, d] = r.dueDate.split('-').map(Number);
    calendar.createEvent({
      id: reportUid(r),
      start: new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1)),
      allDay: true,
      timezone: null,
      stamp: now,
      summary: `${r.instrument} ${r.instrumentRef.titleEn}: ${KIND_TEXT[r.kind]} due (Constitution Art 22)`,
      description: description(r),
      categories: [{ name: 'ILO Art 22 report' }],
    });
  }
  return calendar.toString();
}
