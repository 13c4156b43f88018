import type { TableModel } from '../../../model/types.js'

/**
 * The DSL declares every key and check validated: pull says so for each one the database holds NOT
 * VALID, since a database built from the code would check the rows this one never did.
 */
export function notValidWarnings(tables: readonly TableModel[]): string[] {
  return tables.flatMap((t) => {
    const label = `${t.schema}.${t.name}`
    return [
      ...t.foreignKeys.filter((fk) => fk.notValid).map((fk) => `foreign key ${fk.name} of ${label}`),
      ...t.checks
        .filter((check) => check.notValid)
        .map((check) => `check constraint ${check.name} of ${label}`),
    ].map(
      (what) =>
        `${what} is NOT VALID in the database; the code declares it validated, which checks the rows this database never did (VALIDATE CONSTRAINT it to match)`,
    )
  })
}
