import type {
  ReceiptsCompleteness,
  ReplyRequest,
  ReportReceipt,
  RepresentativeOrganisations,
} from '../domain/supervision/report-status.ts';
import type { GroupBaseYear, ReportingRuleSet } from '../domain/supervision/reporting-rules.ts';
import { txPort } from './history-ports.ts';

/** Reads of the reporting calendar's own records (src/storage/reporting-repository.ts). */
export interface ReportingRepository {
  listRuleSets(): Promise<ReportingRuleSet[]>;
  listGroupYears(): Promise<GroupBaseYear[]>;
  /** Every receipt, or one State's. */
  listReceipts(country?: string): Promise<ReportReceipt[]>;
  getOrganisations(country: string): Promise<RepresentativeOrganisations | null>;
  listOrganisations(): Promise<RepresentativeOrganisations[]>;
  getReceiptsComplete(country: string): Promise<ReceiptsCompleteness | null>;
  listReceiptsComplete(): Promise<ReceiptsCompleteness[]>;
}

/** The calendar's writes, bound to the history's transaction (RegistryWriteTx.port(REPORTING_TX)). */
export interface ReportingWriteTx {
  getRuleSet(id: string): Promise<ReportingRuleSet | null>;
  putRuleSet(r: ReportingRuleSet): Promise<void>;
  deleteRuleSet(id: string): Promise<void>;
  getGroupYear(key: string): Promise<GroupBaseYear | null>;
  putGroupYear(g: GroupBaseYear): Promise<void>;
  deleteGroupYear(key: string): Promise<void>;
  getReceipt(key: string): Promise<ReportReceipt | null>;
  putReceipt(r: ReportReceipt): Promise<void>;
  deleteReceipt(key: string): Promise<void>;
  getOrganisations(country: string): Promise<RepresentativeOrganisations | null>;
  putOrganisations(o: RepresentativeOrganisations): Promise<void>;
  deleteOrganisations(country: string): Promise<void>;
  getReceiptsComplete(country: string): Promise<ReceiptsCompleteness | null>;
  putReceiptsComplete(c: ReceiptsCompleteness): Promise<void>;
  deleteReceiptsComplete(country: string): Promise<void>;
}

export const REPORTING_TX = txPort<ReportingWriteTx>('reporting');

/**
 * Where the comments asking a Government to reply come from (the supervisory comments, built
 * separately): each brings an out-of-cycle report request for the next year. The default has none.
 */
export interface ReplyRequestSource {
  replyRequests(country: string): Promise<ReplyRequest[]>;
  /** Every State's requests in one read, by ISO3 (the overdue counts cover all States at once). */
  replyRequestsByCountry(): Promise<ReadonlyMap<string, ReplyRequest[]>>;
}

export const NO_REPLY_REQUESTS: ReplyRequestSource = { replyRequests: async () => [], replyRequestsByCountry: async () => new Map() };
