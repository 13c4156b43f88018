import { describe, expect, it } from 'vitest'
import { incomparableTypes } from '../../../src/dialects/pg/to-model/comparable-types.js'

describe('incomparableTypes (foreign key columns)', () => {
  it('accepts types PostgreSQL compares across: one family, any type modifier', () => {
    for (const [a, b] of [
      ['integer', 'bigint'],
      ['smallint', 'numeric(10,2)'],
      ['character varying(40)', 'text'],
      ['character(2)', 'text'],
      ['date', 'timestamp(3) with time zone'],
      ['timestamp without time zone', 'timestamp with time zone'],
      ['integer[]', 'bigint[]'],
    ]) {
      expect(incomparableTypes(a!, b!), `${a} and ${b}`).toBe(false)
    }
  })

  it('leaves types it does not judge to PostgreSQL: enums, domains, extension types', () => {
    expect(incomparableTypes('public.plan', 'text')).toBe(false)
    expect(incomparableTypes('public.email', 'text')).toBe(false)
    expect(incomparableTypes('citext', 'uuid')).toBe(false)
  })

  it('rejects families PostgreSQL has no equality operator between', () => {
    for (const [a, b] of [
      ['text', 'integer'],
      ['uuid', 'text'],
      ['boolean', 'integer'],
      ['bytea', 'text'],
      ['date', 'bigint'],
      ['integer[]', 'integer'],
    ]) {
      expect(incomparableTypes(a!, b!), `${a} and ${b}`).toBe(true)
    }
  })
})
