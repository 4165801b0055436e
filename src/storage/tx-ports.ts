import type { Transaction } from 'kysely';
import type { Database } from './schema.ts';
import { KyselySupervisionWriteTx } from './supervision-repository.ts';

/**
 * Binds a write port (src/services/history-ports.ts `TxPort`) to an open transaction. Each record
 * family (governance, supervision, …) adds its Kysely implementation here under its port's name, so
 * its writes and their history event commit together.
 */
export type TxPortFactory = (trx: Transaction<Database>, maxParams: number) => unknown;

export const TX_PORTS: Record<string, TxPortFactory> = {};

TX_PORTS.supervision = (trx) => new KyselySupervisionWriteTx(trx);
