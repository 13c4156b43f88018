import { describe, expect, it } from 'vitest'
import { toDatabaseError } from '../../src/database/driver-error.js'
import { DatabaseError, databaseErrorKind, TidemarkError } from '../../src/errors.js'

describe('toDatabaseError', () => {
  it('reads node-postgres and PGlite field names', () => {
    const driverError = Object.assign(new Error('duplicate key'), {
      code: '23505',
      detail: 'Key (email)=(a) already exists.',
      hint: 'try another',
      constraint: 'users_email_key',
      schema: 'public',
      table: 'users',
      column: undefined,
      dataType: undefined,
      severity: 'ERROR',
      position: undefined,
    })
    const error = toDatabaseError(driverError, 'insert into users values ($1)')
    expect(error).toBeInstanceOf(DatabaseError)
    expect(error).toMatchObject({
      message: 'duplicate key',
      code: '23505',
      kind: 'unique_violation',
      detail: 'Key (email)=([redacted]) already exists.',
      hint: 'try another',
      constraint: 'users_email_key',
      schema: 'public',
      table: 'users',
      severity: 'ERROR',
      query: 'insert into users values ($1)',
    })
    // The driver's error is redacted in place, so it stays the same object (and class).
    expect((error as DatabaseError).cause).toBe(driverError)
    expect(driverError.detail).toBe('Key (email)=([redacted]) already exists.')
    expect((error as DatabaseError).unredacted()).toEqual({
      message: 'duplicate key',
      detail: 'Key (email)=(a) already exists.',
    })
  })

  it('reads postgres.js field names', () => {
    const driverError = Object.assign(new Error('null value'), {
      code: '23502',
      schema_name: 'shop',
      table_name: 'users',
      column_name: 'email',
      constraint_name: 'c',
      data_type_name: undefined,
      severity: 'ERROR',
      position: '17',
    })
    expect(toDatabaseError(driverError, 'q')).toMatchObject({
      kind: 'not_null_violation',
      schema: 'shop',
      table: 'users',
      column: 'email',
      constraint: 'c',
      position: 17,
    })
  })

  it('leaves errors without a SQLSTATE alone', () => {
    const network = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })
    expect(toDatabaseError(network, 'q')).toBe(network)
    expect(toDatabaseError('text', 'q')).toBe('text')
    const already = new DatabaseError({ message: 'x', code: '40001', query: 'q' })
    expect(toDatabaseError(already, 'other')).toBe(already)
  })

  it('keeps instanceof working through the hierarchy', () => {
    const error = new DatabaseError({ message: 'x', code: '40P01', query: 'q' })
    expect(error).toBeInstanceOf(DatabaseError)
    expect(error).toBeInstanceOf(TidemarkError)
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('DatabaseError')
    expect(new TidemarkError('y').name).toBe('TidemarkError')
  })

  it('classifies the common SQLSTATE codes', () => {
    expect(databaseErrorKind('23503')).toBe('foreign_key_violation')
    expect(databaseErrorKind('23514')).toBe('check_violation')
    expect(databaseErrorKind('23P01')).toBe('exclusion_violation')
    expect(databaseErrorKind('40001')).toBe('serialization_failure')
    expect(databaseErrorKind('40P01')).toBe('deadlock_detected')
    expect(databaseErrorKind('55P03')).toBe('lock_not_available')
    expect(databaseErrorKind('57014')).toBe('query_canceled')
    expect(databaseErrorKind('42501')).toBe('insufficient_privilege')
    expect(databaseErrorKind('XX000')).toBe('other')
  })
})
