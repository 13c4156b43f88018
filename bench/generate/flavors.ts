import type { SchemaFlavor } from './render-schema.js'

/** Tidemark's DSL: columns take their SQL name first, and timestamptz is its own type. */
export const TIDEMARK: SchemaFlavor = {
  imports: [
    `import { bigint, boolean, date, enumType, index, integer, jsonb, numeric, serial, sql, table, text, timestamptz, uuid, varchar } from 'tidemark/pg'`,
  ],
  enumFactory: 'enumType',
  tableFactory: 'table',
  columnTypes: {
    uuid: (n) => `uuid('${n}')`,
    serial: (n) => `serial('${n}')`,
    integer: (n) => `integer('${n}')`,
    bigint: (n) => `bigint('${n}')`,
    text: (n) => `text('${n}')`,
    varchar: (n) => `varchar('${n}', { length: 320 })`,
    boolean: (n) => `boolean('${n}')`,
    numeric: (n) => `numeric('${n}', { precision: 12, scale: 2 })`,
    date: (n) => `date('${n}')`,
    timestamptz: (n) => `timestamptz('${n}')`,
    jsonb: (n) => `jsonb('${n}')`,
    status: (n) => `status('${n}')`,
    priority: (n) => `priority('${n}')`,
  },
}

/** drizzle-orm's pg-core: bigint needs a mode, and time zones are an option of timestamp. */
export const DRIZZLE: SchemaFlavor = {
  imports: [
    `import { sql } from 'drizzle-orm'`,
    `import { bigint, boolean, date, index, integer, jsonb, numeric, pgEnum, pgTable, serial, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core'`,
  ],
  enumFactory: 'pgEnum',
  tableFactory: 'pgTable',
  columnTypes: {
    uuid: (n) => `uuid('${n}')`,
    serial: (n) => `serial('${n}')`,
    integer: (n) => `integer('${n}')`,
    bigint: (n) => `bigint('${n}', { mode: 'number' })`,
    text: (n) => `text('${n}')`,
    varchar: (n) => `varchar('${n}', { length: 320 })`,
    boolean: (n) => `boolean('${n}')`,
    numeric: (n) => `numeric('${n}', { precision: 12, scale: 2 })`,
    date: (n) => `date('${n}')`,
    timestamptz: (n) => `timestamp('${n}', { withTimezone: true })`,
    jsonb: (n) => `jsonb('${n}')`,
    status: (n) => `status('${n}')`,
    priority: (n) => `priority('${n}')`,
  },
}
