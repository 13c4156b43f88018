import type { RawField, RawResult } from '../database/driver.js'

/** A NotificationResponse: NOTIFY delivered with the statement's response. */
export interface WireNotification {
  readonly channel: string
  readonly payload: string
}

/** What the backend answered to one extended-protocol query. */
export interface WireResponse {
  readonly result: RawResult
  /** The ErrorResponse's fields, named as node-postgres and PGlite name them. */
  readonly error: Record<string, string> | undefined
  readonly notifications: readonly WireNotification[]
}

// ignoreBOM keeps a leading U+FEFF: it is part of the value, not a marker to strip.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true })

/** ErrorResponse field codes, by the property name drivers give them. */
const errorFieldNames: Record<string, string> = {
  S: 'severity_local',
  V: 'severity',
  C: 'code',
  M: 'message',
  D: 'detail',
  H: 'hint',
  P: 'position',
  p: 'internalPosition',
  q: 'internalQuery',
  W: 'where',
  s: 'schema',
  t: 'table',
  c: 'column',
  d: 'dataType',
  n: 'constraint',
  F: 'file',
  L: 'line',
  R: 'routine',
}

/** Verbs whose command tag ends with the number of rows affected or returned. */
const countedCommands = new Set(['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'MERGE', 'MOVE', 'FETCH', 'COPY'])

/** Reads the backend messages of one query (through ReadyForQuery) into a result. */
export function readResponse(data: Uint8Array): WireResponse {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength)
  let fields: RawField[] = []
  const rows: (string | null)[][] = []
  let command: string | null = null
  let rowCount: number | null = null
  let error: Record<string, string> | undefined
  const notifications: WireNotification[] = []

  let at = 0
  while (at + 5 <= data.length) {
    const type = data[at]!
    const end = at + 1 + view.getInt32(at + 1)
    let cursor = at + 5
    const cString = (): string => {
      const stop = data.indexOf(0, cursor)
      const value = decodeText(data, cursor, stop)
      cursor = stop + 1
      return value
    }
    switch (type) {
      case 0x54: {
        // RowDescription
        const count = view.getInt16(cursor)
        cursor += 2
        fields = new Array(count)
        for (let index = 0; index < count; index++) {
          const name = cString()
          // table OID (4), column number (2), then the type OID
          const typeOid = view.getUint32(cursor + 6)
          cursor += 18
          fields[index] = { name, typeOid }
        }
        break
      }
      case 0x44: {
        // DataRow
        const count = view.getInt16(cursor)
        cursor += 2
        const row: (string | null)[] = new Array(count)
        for (let index = 0; index < count; index++) {
          const length = view.getInt32(cursor)
          cursor += 4
          if (length < 0) {
            row[index] = null
          } else {
            row[index] = decodeText(data, cursor, cursor + length)
            cursor += length
          }
        }
        rows.push(row)
        break
      }
      case 0x43: {
        // CommandComplete: "INSERT 0 5", "SELECT 20", "CREATE TABLE"
        const tag = cString()
        const words = tag.split(' ')
        command = words[0] ?? null
        const last = Number(words[words.length - 1])
        rowCount = command !== null && countedCommands.has(command) && Number.isInteger(last) ? last : null
        break
      }
      case 0x45: {
        // ErrorResponse: the statement failed, the backend skips to Sync
        const fieldsOfError: Record<string, string> = {}
        while (data[cursor] !== 0 && cursor < end) {
          const code = String.fromCharCode(data[cursor]!)
          cursor += 1
          const value = cString()
          fieldsOfError[errorFieldNames[code] ?? code] = value
        }
        error ??= fieldsOfError
        break
      }
      case 0x41: {
        // NotificationResponse: sender's pid (4), channel, payload
        cursor += 4
        const channel = cString()
        const payload = cString()
        notifications.push({ channel, payload })
        break
      }
      // ParseComplete, BindComplete, NoData, EmptyQueryResponse, PortalSuspended, NoticeResponse,
      // ParameterStatus and ReadyForQuery carry nothing a result needs.
    }
    at = end
  }
  return { result: { fields, rows, rowCount, command }, error, notifications }
}

/** UTF-8 text; short ASCII values, the most common in rows, skip the decoder's call cost. */
function decodeText(data: Uint8Array, start: number, end: number): string {
  const length = end - start
  if (length === 0) return ''
  if (length <= 24) {
    let text = ''
    for (let index = start; index < end; index++) {
      const code = data[index]!
      if (code >= 0x80) return decoder.decode(data.subarray(start, end))
      text += String.fromCharCode(code)
    }
    return text
  }
  return decoder.decode(data.subarray(start, end))
}
