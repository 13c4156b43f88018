import type {
  ReplicaIdentitySpec,
  StorageParameters,
  StorageParametersSpec,
  TableExtra,
  UnloggedSpec,
} from './table-extras.js'

/**
 * WITH (...): a table's storage parameters, declared among its extras. Values are kept as
 * PostgreSQL keeps them, so write them as you would in SQL (`70`, `false`, `0.05`).
 *
 * @example
 * export const events = table('events', { id: bigint().primaryKey() },
 *   () => [storageParameters({ fillfactor: 70, autovacuum_vacuum_scale_factor: 0.05 })])
 * // CREATE TABLE "public"."events" (...) WITH (autovacuum_vacuum_scale_factor = 0.05, fillfactor = 70)
 */
export function storageParameters(
  parameters: StorageParameters,
): TableExtra & { spec: StorageParametersSpec } {
  if (typeof parameters !== 'object' || parameters === null)
    throw new TypeError('storageParameters() takes an object of parameters')
  return { spec: Object.freeze({ kind: 'storageParameters', parameters: Object.freeze({ ...parameters }) }) }
}

/**
 * CREATE UNLOGGED TABLE: writes skip the write-ahead log, so they are faster, but the table is
 * emptied after a crash and is not replicated.
 *
 * @example
 * export const cache = table('cache', { key: text().primaryKey(), value: jsonb() }, () => [unlogged()])
 * // CREATE UNLOGGED TABLE "public"."cache" (...)
 */
export function unlogged(): TableExtra & { spec: UnloggedSpec } {
  return { spec: Object.freeze({ kind: 'unlogged' }) }
}

/**
 * REPLICA IDENTITY: what logical replication records of the old row on UPDATE and DELETE: the
 * primary key (`'default'`), every column (`'full'`), nothing, or the columns of a unique index
 * named by `{ index }`.
 *
 * @example
 * export const orders = table('orders', { id: uuid().primaryKey() }, () => [replicaIdentity('full')])
 * // ALTER TABLE "public"."orders" REPLICA IDENTITY FULL
 */
export function replicaIdentity(
  identity: ReplicaIdentitySpec['identity'],
): TableExtra & { spec: ReplicaIdentitySpec } {
  const valid =
    identity === 'default' ||
    identity === 'full' ||
    identity === 'nothing' ||
    (typeof identity === 'object' && identity !== null && typeof identity.index === 'string')
  if (!valid) throw new TypeError(`replicaIdentity() takes 'default', 'full', 'nothing' or { index: name }`)
  return { spec: Object.freeze({ kind: 'replicaIdentity', identity }) }
}
