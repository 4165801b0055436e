/** CSV downloads of the statistics (spreadsheet-safe through csvField, CRLF like the other downloads). */
import type { ChildLabourStatistics, RatificationStatistics } from '../../services/statistics-service.ts';
import { csvField } from './ratifications-csv.ts';

const line = (cells: readonly (string | number | null)[]) => `${cells.map(csvField).join(',')}\r\n`;

export function childLabourCsv(data: ChildLabourStatistics): string {
  return (
    line(['year', 'age_group', 'children_in_child_labour', 'children_in_hazardous_work', 'source', 'confidence', 'notes']) +
    data.estimates.map((e) => line([e.year, e.ageGroup, e.childLabour, e.hazardousWork, e.source, e.confidence, e.notes])).join('')
  );
}

/** A missing year or region is written "unknown"; an empty cell would read as a gap in the count. */
export function ratificationStatisticsCsv(data: RatificationStatistics): string {
  const code = data.instrument.code;
  if (data.by === 'year')
    return (
      line(['instrument', 'year', 'ratifications', 'cumulative']) +
      data.rows.map((r) => line([code, r.year ?? 'unknown', r.count, r.cumulative])).join('')
    );
  return line(['instrument', 'region', 'ratifications']) + data.rows.map((r) => line([code, r.region ?? 'unknown', r.count])).join('');
}
