import { createHash } from 'node:crypto'
import type { Transaction } from '../../database/database.js'
import { sql } from '../../sql/sql.js'
import type { JournalOptions } from './journal.js'

/**
 * The advisory lock key of a journal: the first 8 bytes of sha256("tidemark:schema.table") as a
 * signed 64-bit integer, so runners of different journals never wait on each other.
 */
export function journalLockKey(journal: JournalOptions): string {
  const digest = createHash('sha256').update(`tidemark:${journal.schema}.${journal.table}`).digest()
  return digest.readBigInt64BE(0).toString()
}

/**
 * Takes the journal's lock until the end of the transaction. Transaction-scoped on purpose: behind
 * a transaction-pooling proxy (pgbouncer in transaction mode) a session lock could be taken on one
 * server connection and released on another, while a transaction always stays on one.
 */
export async function lockJournal(tx: Transaction, journal: JournalOptions): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${journalLockKey(journal)}::bigint)`)
}
