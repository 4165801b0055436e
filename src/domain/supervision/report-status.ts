/**
 * What a State owes under Constitution Art 22, one report at a time, and where that report stands.
 * Pure vocabulary and the one function that decides a status from dates (decision 131).
 */

/** `first`: the detailed report after entry into force; `regular`: the simplified report of the cycle; `out_of_cycle`: requested outside it. */
export const REPORT_KINDS = ['first', 'regular', 'out_of_cycle'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/**
 * `received`: a receipt is recorded; `overdue`: the due date has passed, no receipt is recorded, and
 * the State's receipts are recorded here completely for that date (decision 095); `not_recorded`:
 * the due date has passed and no receipt is recorded, but nobody has said the record is complete
 * then, so whether the report was sent is unknown; `due`: due this calendar year, date not yet
 * passed; `not_yet_due`: due in a later year; `unknown`: a datum the calendar needs is missing (the
 * report names it).
 */
export const REPORT_STATUSES = ['due', 'overdue', 'not_recorded', 'received', 'unknown', 'not_yet_due'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Reports under Art 22 are due by 1 September of the year they are requested in. */
export const REPORT_DUE_MONTH_DAY = '09-01';

export function dueDateOf(year: number): string {
  return `${String(year).padStart(4, '0')}-${REPORT_DUE_MONTH_DAY}`;
}

/**
 * The status of a report due on `dueDate` (null: unknown), received or not, on `today` (YYYY-MM-DD).
 * `receiptsCompleteFrom`: the first due date from which the State's receipts are recorded here
 * completely (null: never declared); a missing receipt before it proves nothing.
 */
export function reportStatus(dueDate: string | null, received: boolean, today: string, receiptsCompleteFrom: string | null): ReportStatus {
  if (received) return 'received';
  if (dueDate === null) return 'unknown';
  if (today > dueDate) return receiptsCompleteFrom !== null && dueDate >= receiptsCompleteFrom ? 'overdue' : 'not_recorded';
  if (dueDate.slice(0, 4) === today.slice(0, 4)) return 'due';
  return 'not_yet_due';
}

/**
 * A report the State has sent, as the focal point or the secretariat recorded it: the date it was
 * sent and a link to it or a file reference, with the source of the record.
 */
export interface ReportReceipt {
  country: string;
  instrument: string;
  year: number;
  kind: ReportKind;
  /** YYYY-MM-DD. */
  dateSent: string;
  /** A URL or a file reference (registry number, file name). */
  link: string;
  source: string;
}

export function reportKey(r: { country: string; instrument: string; year: number; kind: ReportKind }): string {
  return `${r.country}/${r.instrument}/${r.year}/${r.kind}`;
}

/**
 * A supervisory comment that asks the Government to reply (a CEACR observation or direct request):
 * it brings an out-of-cycle report request for the next year. Provided by the supervisory
 * comments' records (see `ReplyRequestSource` in the reporting service).
 */
export interface ReplyRequest {
  instrument: string;
  /** The year of the comment; the reply is requested for the following year. */
  year: number;
  commentId?: string | null;
}

/**
 * From which due date a State's receipts are recorded in this registry completely, as its focal point
 * or the secretariat declared it with a source: only then is a missing receipt an overdue report.
 */
export interface ReceiptsCompleteness {
  country: string;
  /** YYYY-MM-DD. */
  since: string;
  source: string;
}

/**
 * The most representative employers' and workers' organisations of a State, which receive copies of
 * its reports (Constitution Art 23(2)), as entered with a source.
 */
export interface RepresentativeOrganisations {
  country: string;
  employers: string[];
  workers: string[];
  source: string;
}
