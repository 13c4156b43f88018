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
import { hazard } from './words.js'

/**
 * Aggregates, range types, rules, casts, publications and extended statistics: objects the schema
 * DSL cannot declare, read from a database and kept as the migrations created them (their
 * statement as PostgreSQL prints it).
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
  | CreateDefinedObject<'create-cast'>
  | DropDefinedObject<'drop-cast'>
  | SetDefinedObjectComment<'set-cast-comment'>
  | CreateDefinedObject<'create-publication'>
  | DropDefinedObject<'drop-publication'>
  | SetDefinedObjectComment<'set-publication-comment'>
  | CreateDefinedObject<'create-statistics'>
  | DropDefinedObject<'drop-statistics'>
  | SetDefinedObjectComment<'set-statistics-comment'>

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
  'create-cast': createEntry(),
  // Without the cast, expressions that relied on it (written or implicit) fail or resolve another
  // way; created again in the same migration, it is back before anything can notice.
  'drop-cast': dropEntry((object, recreated) =>
    recreated
      ? []
      : [hazard('breaking', `drops cast ${object.name}: queries and expressions that convert with it fail`)],
  ),
  'set-cast-comment': commentEntry(),
  'create-publication': createEntry(),
  // Subscribers replicate through a publication by name: without it their replication stops.
  'drop-publication': dropEntry((object, recreated) => [
    recreated
      ? hazard(
          'breaking',
          `drops publication ${object.name} and creates it again: its subscribers' replication fails until it is back, and rows changed meanwhile may not reach them`,
        )
      : hazard(
          'breaking',
          `drops publication ${object.name}: logical replication of its tables to its subscribers stops`,
        ),
  ]),
  'set-publication-comment': commentEntry(),
  'create-statistics': createEntry(),
  // Only the planner's estimates change: no query fails.
  'drop-statistics': dropEntry(noHazards),
  'set-statistics-comment': commentEntry(),
}
