import {
  type CreateDefinedObject,
  commentEntry,
  createEntry,
  type DropDefinedObject,
  dropEntry,
  type SetDefinedObjectComment,
} from './defined-object-changes.js'
import { type FamilyEntries, noHazards } from './kind-entry.js'
import { routineDropHazards } from './routines.js'

/**
 * Aggregates, range types and rules: objects the schema DSL cannot declare, read from a database
 * and kept as the migrations created them (their statement as PostgreSQL prints it).
 */
export type KeptAsWrittenChange =
  | CreateDefinedObject<'create-aggregate'>
  | DropDefinedObject<'drop-aggregate'>
  | SetDefinedObjectComment<'set-aggregate-comment'>
  | CreateDefinedObject<'create-range-type'>
  | DropDefinedObject<'drop-range-type'>
  | SetDefinedObjectComment<'set-range-type-comment'>
  | CreateDefinedObject<'create-rule'>
  | DropDefinedObject<'drop-rule'>
  | SetDefinedObjectComment<'set-rule-comment'>

export const keptAsWrittenKinds: FamilyEntries<KeptAsWrittenChange> = {
  'create-aggregate': createEntry(),
  // An aggregate is called like a function: dropping it breaks its callers the same way.
  'drop-aggregate': dropEntry(routineDropHazards),
  'set-aggregate-comment': commentEntry(),
  'create-range-type': createEntry(),
  // A range type cannot go while a column uses it; a rule goes with no caller to break.
  'drop-range-type': dropEntry(noHazards),
  'set-range-type-comment': commentEntry(),
  'create-rule': createEntry(),
  'drop-rule': dropEntry(noHazards),
  'set-rule-comment': commentEntry(),
}
