import type { DefinedObjectModel } from '../../model/types.js'
import type { Hazard } from '../change-parts.js'
import { tableLabel } from '../renames.js'
import {
  type CreateDefinedObject,
  commentEntry,
  createEntry,
  type DropDefinedObject,
  dropEntry,
  type SetDefinedObjectComment,
} from './defined-object-changes.js'
import type { FamilyEntries } from './kind-entry.js'
import { hazard } from './words.js'

/**
 * Functions and procedures, kept as their statement: created (or replaced in place, CREATE OR
 * REPLACE), dropped (for good, or to be created again when a replacement cannot change them), and
 * commented on. Their grants are the grants family's.
 */
export type RoutineChange =
  | CreateDefinedObject<'create-function'>
  | DropDefinedObject<'drop-function'>
  | SetDefinedObjectComment<'set-function-comment'>
  | CreateDefinedObject<'create-procedure'>
  | DropDefinedObject<'drop-procedure'>
  | SetDefinedObjectComment<'set-procedure-comment'>

/**
 * A routine dropped for good breaks whatever still calls it (the application, other functions);
 * one dropped and created again gets its grants back from the same plan, an aggregate (whose grants
 * the model does not hold) loses them.
 */
export function routineDropHazards(object: DefinedObjectModel, recreated: boolean): Hazard[] {
  const name = `${object.kind} ${tableLabel(object.schema, object.name)}`
  return [
    recreated
      ? hazard(
          'breaking',
          `drops ${name} and creates it again (its result or arguments change)${object.kind === 'aggregate' ? ': grants on it are lost' : ', with its grants'}`,
        )
      : hazard('breaking', `drops ${name}: whatever still calls it fails`),
  ]
}

export const routineKinds: FamilyEntries<RoutineChange> = {
  'create-function': createEntry(),
  'drop-function': dropEntry(routineDropHazards),
  'set-function-comment': commentEntry(),
  'create-procedure': createEntry(),
  'drop-procedure': dropEntry(routineDropHazards),
  'set-procedure-comment': commentEntry(),
}
