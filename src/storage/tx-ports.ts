import type { Transaction } from 'kysely';
import { KyselyConferenceRepository } from './conference-repository.ts';
import { KyselyDocumentWriteTx } from './documents-repository.ts';
import { KyselyOfficeWriteTx, KyselyOrgansWriteTx } from './organs-repository.ts';
import { KyselyProgrammeWriteTx } from './programmes-repository.ts';
import { KyselyReportingRepository } from './reporting-repository.ts';
import type { Database } from './schema.ts';
import { KyselySubmissionWriteTx } from './submission-repository.ts';
import { KyselySupervisionWriteTx } from './supervision-repository.ts';

/**
 * Binds a write port (src/services/history-ports.ts `TxPort`) to an open transaction. Each record
 * family (governance, supervision, …) adds its Kysely implementation here under its port's name, so
 * its writes and their history event commit together.
 */
export type TxPortFactory = (trx: Transaction<Database>, maxParams: number) => unknown;

export const TX_PORTS: Record<string, TxPortFactory> = {};

TX_PORTS.submissions = (trx) => new KyselySubmissionWriteTx(trx);
TX_PORTS.reporting = (trx) => new KyselyReportingRepository(trx);
TX_PORTS.conference = (trx) => new KyselyConferenceRepository(trx);
TX_PORTS.organs = (trx) => new KyselyOrgansWriteTx(trx);
TX_PORTS.supervision = (trx) => new KyselySupervisionWriteTx(trx);
TX_PORTS.programmes = (trx) => new KyselyProgrammeWriteTx(trx);
TX_PORTS.offices = (trx) => new KyselyOfficeWriteTx(trx);
TX_PORTS.documents = (trx) => new KyselyDocumentWriteTx(trx);
