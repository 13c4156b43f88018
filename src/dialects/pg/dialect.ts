import type { Dialect } from '../../query/dialect.js'
import { decoderForOid } from './codec/decode-by-oid.js'
import { compileStatement } from './compiler/compile-statement.js'
import { compile } from './compiler/fragment.js'

/** PostgreSQL, as the query layer sees it: how statements are written and result text is read. */
export const pgDialect: Dialect = {
  compileStatement,
  compileFragment: (fragment) => compile(fragment),
  decoderForType: decoderForOid,
}
