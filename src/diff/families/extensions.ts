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

/** CREATE EXTENSION, DROP EXTENSION and COMMENT ON EXTENSION (the statement as written, with VERSION). */
export type ExtensionChange =
  | CreateDefinedObject<'create-extension'>
  | DropDefinedObject<'drop-extension'>
  | SetDefinedObjectComment<'set-extension-comment'>

export const extensionKinds: FamilyEntries<ExtensionChange> = {
  'create-extension': createEntry(),
  // An extension takes its types and functions with it.
  'drop-extension': dropEntry((object, recreated) =>
    recreated
      ? []
      : [hazard('breaking', `drops extension ${object.name}: whatever uses its types or functions fails`)],
  ),
  'set-extension-comment': commentEntry(),
}
