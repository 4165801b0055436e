import type { Coverage } from '../../domain/coverage.ts';
import type { Lang } from '../../domain/facts.ts';
import type { RatificationView } from '../../services/registry-service.ts';
import { localised, orNotRecorded, table } from '../format.ts';
import type { Labels } from '../labels.ts';

function minimumAgeCell(r: RatificationView, l: Labels): string {
  return r.minimumAge ? `${r.minimumAge.value} (${r.minimumAge.article})` : l.notRecorded;
}

function statusCell(r: RatificationView, l: Labels): string {
  return r.status ? l.ratificationStatus[r.status] : l.notRecorded;
}

/** Ratifications of one instrument, one row per State. */
export function byCountryTable(rows: RatificationView[], withMinimumAge: boolean, lang: Lang, l: Labels): string {
  const headers = [l.country, 'ISO3', l.registered, l.status, l.inForceForState];
  if (withMinimumAge) headers.push(l.minimumAge);
  return table(
    headers,
    rows.map((r) => {
      const cells = [
        localised(r.countryRef.nameEn, r.countryRef.nameId, lang, l),
        r.country,
        orNotRecorded(r.registrationDate, l),
        statusCell(r, l),
        orNotRecorded(r.entryIntoForce, l),
      ];
      if (withMinimumAge) cells.push(minimumAgeCell(r, l));
      return cells;
    }),
  );
}

/** Ratifications by one State, one row per instrument. */
export function byInstrumentTable(rows: RatificationView[], lang: Lang, l: Labels): string {
  const withMinimumAge = rows.some((r) => r.minimumAge !== null || r.instrument === 'C138');
  const headers = [l.code, l.title, l.registered, l.status, l.inForceForState];
  if (withMinimumAge) headers.push(l.minimumAge);
  return table(
    headers,
    rows.map((r) => {
      const cells = [
        r.instrument,
        localised(r.instrumentRef.titleEn, r.instrumentRef.titleId, lang, l),
        orNotRecorded(r.registrationDate, l),
        statusCell(r, l),
        orNotRecorded(r.entryIntoForce, l),
      ];
      if (withMinimumAge) cells.push(r.instrument === 'C138' || r.minimumAge ? minimumAgeCell(r, l) : '—');
      return cells;
    }),
  );
}

/** Whether the list printed is whole (issue 8 item 18), as on the portal pages. */
export function coverageLine(c: Coverage, l: Labels): string {
  if (c.complete) return l.coverageComplete;
  return c.completeFor.length ? l.coveragePartialExcept(c.completeFor.join(', ')) : l.coveragePartial;
}
