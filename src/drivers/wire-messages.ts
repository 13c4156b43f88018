import { TidemarkError } from '../errors.js'

/**
 * The frontend messages of one extended-protocol query (Parse, Bind, Describe portal, Execute,
 * Sync) in a single buffer, with every parameter and every result column in text format.
 * PostgreSQL infers each parameter's type, as it does for the other drivers.
 */
const encoder = new TextEncoder()
/** Bind counts parameters in a 16-bit unsigned field. */
const MAX_PARAMETERS = 65_535

export function extendedQueryMessages(sql: string, params: readonly (string | null)[]): Uint8Array {
  // The statement text travels as a C string: a NUL would end it early and run a shorter statement.
  if (sql.includes('\0')) {
    throw new TidemarkError(
      'The SQL text contains a NUL character (U+0000), which PostgreSQL cannot receive in a statement. ' +
        'Pass the value as a parameter instead.',
    )
  }
  if (params.length > MAX_PARAMETERS) {
    throw new TidemarkError(
      `The statement has ${params.length} parameters; PostgreSQL accepts at most ${MAX_PARAMETERS} in one statement. ` +
        'Split the insert into batches or pass the values as one array parameter.',
    )
  }
  const text = encoder.encode(sql)
  const values = params.map((value) => (value === null ? null : encoder.encode(value)))
  const valueBytes = values.reduce((sum, value) => sum + 4 + (value?.length ?? 0), 0)

  const parseLength = 4 + 1 + text.length + 1 + 2
  const bindLength = 4 + 1 + 1 + 2 + 2 + valueBytes + 2
  const describeLength = 4 + 1 + 1
  const executeLength = 4 + 1 + 4
  const syncLength = 4
  // One type byte per message, then each message's length-counted body.
  const buffer = new Uint8Array(5 + parseLength + bindLength + describeLength + executeLength + syncLength)
  const view = new DataView(buffer.buffer)
  let at = 0
  const byte = (value: number) => {
    buffer[at++] = value
  }
  const int16 = (value: number) => {
    view.setInt16(at, value)
    at += 2
  }
  const int32 = (value: number) => {
    view.setInt32(at, value)
    at += 4
  }
  const bytes = (value: Uint8Array) => {
    buffer.set(value, at)
    at += value.length
  }

  byte(0x50) // Parse: unnamed statement, no parameter types given
  int32(parseLength)
  byte(0)
  bytes(text)
  byte(0)
  int16(0)

  byte(0x42) // Bind: unnamed portal and statement, all parameters and results as text
  int32(bindLength)
  byte(0)
  byte(0)
  int16(0)
  view.setUint16(at, values.length)
  at += 2
  for (const value of values) {
    if (value === null) {
      int32(-1)
    } else {
      int32(value.length)
      bytes(value)
    }
  }
  int16(0)

  byte(0x44) // Describe the portal: its RowDescription carries names and type OIDs
  int32(describeLength)
  byte(0x50)
  byte(0)

  byte(0x45) // Execute every row
  int32(executeLength)
  byte(0)
  int32(0)

  byte(0x53) // Sync: ends the implicit transaction and brings ReadyForQuery
  int32(syncLength)
  return buffer
}
