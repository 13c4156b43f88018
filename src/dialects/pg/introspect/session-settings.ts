import type { Queryable } from '../../../database/database.js'
import { sql } from '../../../sql/sql.js'

/**
 * Settings that change how catalog functions print names, literals and expressions. With an empty
 * search_path every user object is printed schema-qualified; the others pin literal formats
 * (timestamptz defaults, intervals, floats) so every server prints the same text.
 */
const PRINTING: Readonly<Record<string, string>> = {
  search_path: '',
  TimeZone: 'UTC',
  DateStyle: 'ISO, MDY',
  IntervalStyle: 'postgres',
  extra_float_digits: '1',
  bytea_output: 'hex',
  standard_conforming_strings: 'on',
  quote_all_identifiers: 'off',
}

const names = Object.keys(PRINTING)

/**
 * Applies the printing settings until the end of the transaction and returns a function that puts
 * back the values they replaced, for when introspect runs inside a caller's transaction.
 */
export async function pinPrintingSettings(tx: Queryable): Promise<() => Promise<void>> {
  const current = names.map((name, i) => sql`current_setting(${name}) as ${sql.raw(`s${i}`)}`)
  const { rows } = await tx.execute<Record<string, string>>(sql`select ${sql.join(current)}`)
  const before = Object.fromEntries(names.map((name, i) => [name, rows[0]![`s${i}`]!]))
  await setLocally(tx, PRINTING)
  return () => setLocally(tx, before)
}

async function setLocally(tx: Queryable, values: Readonly<Record<string, string>>): Promise<void> {
  const setters = names.map((name) => sql`set_config(${name}, ${values[name]}, true)`)
  await tx.execute(sql`select ${sql.join(setters)}`)
}
