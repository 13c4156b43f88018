import { encodeParam } from '../dialects/pg/codec/encode.js'
import {
  quoteIdent,
  quoteIdentIfNeeded,
  quoteLiteral,
  quoteObjectName,
} from '../dialects/pg/grammar/quote.js'
import { assertNever } from '../util/assert-never.js'
import type { Chunk, SQL } from './sql.js'

/** A statement ready for a driver: text with `$n` placeholders and the parameters' text values. */
export interface CompiledQuery {
  readonly sql: string
  readonly params: readonly (string | null)[]
}

export interface CompileOptions {
  /**
   * Write parameters as literals instead of placeholders. DDL cannot take bound parameters
   * (defaults, checks, view bodies), so the DDL renderer compiles its fragments this way.
   */
  readonly inline?: boolean
  /** Qualify columns with their table name (queries) or not (DDL expressions inside one table). */
  readonly qualifyColumns?: boolean
}

/** Compiles a fragment for PostgreSQL. */
export function compile(fragment: SQL, options: CompileOptions = {}): CompiledQuery {
  const inline = options.inline ?? false
  const qualify = options.qualifyColumns ?? !inline
  const params: (string | null)[] = []
  let text = ''

  const visit = (chunks: readonly Chunk[]): void => {
    for (const chunk of chunks) {
      switch (chunk.kind) {
        case 'text':
          text += chunk.text
          break
        case 'identifier':
          // In DDL (view bodies, checks) as PostgreSQL prints it back, so a model read from code and
          // one read from the catalog agree; in queries always quoted.
          text += chunk.names.map(inline ? quoteIdentIfNeeded : quoteObjectName).join('.')
          break
        case 'column':
          text +=
            qualify && chunk.table !== undefined
              ? `${quoteIdent(chunk.table)}.${quoteObjectName(chunk.name)}`
              : quoteObjectName(chunk.name)
          break
        case 'sql':
          visit(chunk.sql.chunks)
          break
        case 'param': {
          const encoded = (chunk.encode ?? encodeParam)(chunk.value)
          if (inline) text += inlineLiteral(chunk.value, encoded)
          else {
            params.push(encoded)
            text += `$${params.length}`
          }
          break
        }
        default:
          assertNever(chunk)
      }
    }
  }
  visit(fragment.chunks)
  return { sql: text, params }
}

function inlineLiteral(value: unknown, encoded: string | null): string {
  if (encoded === null) return 'NULL'
  if (typeof value === 'boolean') return encoded
  if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'bigint') {
    return value < 0 ? `(${encoded})` : encoded
  }
  return quoteLiteral(encoded)
}
