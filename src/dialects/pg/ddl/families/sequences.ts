import type { SequenceChange } from '../../../../diff/families/sequences.js'
import type { SequenceModel } from '../../../../model/types.js'
import { quoteIdent } from '../../grammar/quote.js'
import type { FamilyRenderers } from '../family-renderers.js'
import { qualified, sequenceClauses } from '../render-parts.js'

function setSequenceOwner(sequence: SequenceModel): string {
  const owner =
    sequence.ownedBy === null
      ? 'NONE'
      : `${qualified(sequence.schema, sequence.ownedBy.table)}.${quoteIdent(sequence.ownedBy.column)}`
  return `ALTER SEQUENCE ${qualified(sequence.schema, sequence.name)} OWNED BY ${owner}`
}

export const sequenceRenderers: FamilyRenderers<SequenceChange> = {
  'create-sequence': ({ sequence: s }) => [
    `CREATE SEQUENCE ${qualified(s.schema, s.name)} AS ${s.type} ${sequenceClauses(s)}`,
  ],
  'drop-sequence': (change) => [`DROP SEQUENCE ${qualified(change.sequence.schema, change.sequence.name)}`],
  'alter-sequence': ({ to: s }) => [
    `ALTER SEQUENCE ${qualified(s.schema, s.name)} AS ${s.type} ${sequenceClauses(s)}`,
  ],
  'rename-sequence': (change) => [
    `ALTER SEQUENCE ${qualified(change.schema, change.from)} RENAME TO ${quoteIdent(change.to)}`,
  ],
  'set-sequence-owner': (change) => [setSequenceOwner(change.sequence)],
}
