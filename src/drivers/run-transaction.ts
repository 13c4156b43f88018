import type { DriverConnection } from '../database/driver.js'
import { rolledBackAtCommit } from '../database/driver-error.js'

/**
 * BEGIN, fn, COMMIT on a connection the caller has dedicated to this transaction; ROLLBACK when fn
 * throws. When a control statement itself fails, the connection's state is unknown, so onBroken
 * hears about it and the caller can discard the connection. If ROLLBACK fails, fn's error is still
 * the one thrown: it is the cause the caller needs to see. A COMMIT the server answers with ROLLBACK
 * (the transaction had failed) is an error, not a success.
 */
export async function runTransaction<T>(
  connection: DriverConnection,
  fn: (connection: DriverConnection) => Promise<T>,
  onBroken: (error: unknown) => void = () => {},
): Promise<T> {
  const control = (sql: string) =>
    connection.query(sql, []).catch((error: unknown) => {
      onBroken(error)
      throw error
    })
  await control('BEGIN')
  let result: T
  try {
    result = await fn(connection)
  } catch (error) {
    await control('ROLLBACK').catch(() => {})
    throw error
  }
  const commit = await control('COMMIT')
  if (commit.command === 'ROLLBACK') throw rolledBackAtCommit()
  return result
}
