import { asWritten, type FamilyEntries, noHazards } from './kind-entry.js'

/** CREATE SCHEMA and DROP SCHEMA (a schema is dropped only once everything in it is gone). */
export type SchemaChange =
  | { readonly kind: 'create-schema'; readonly schema: string }
  | { readonly kind: 'drop-schema'; readonly schema: string }

export const schemaKinds: FamilyEntries<SchemaChange> = {
  'create-schema': {
    describe: (change) => `create schema ${change.schema}`,
    hazards: noHazards,
    drift: (change) => [{ object: 'schema', name: change.schema, state: 'added' }],
    authored: asWritten,
  },
  'drop-schema': {
    describe: (change) => `drop schema ${change.schema}`,
    // Empty by then: what was in it went first, with its own hazards.
    hazards: noHazards,
    drift: (change) => [{ object: 'schema', name: change.schema, state: 'missing' }],
    authored: asWritten,
  },
}
