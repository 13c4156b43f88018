import { writeExpr } from './expression.js'
import { writeQuery } from './query.js'
import type { WriterParts } from './writer.js'

/** The expression and query writers every Writer is made with. */
export const writerParts: WriterParts = { writeQuery, writeExpr }
