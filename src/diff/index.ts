export type {
  Change,
  ChangeBody,
  ChangeKind,
  EnumColumnUse,
  Hazard,
  HazardKind,
  ObjectRef,
  TypeChangeBody,
  TypeColumnUse,
} from './changes.js'
export { describeChange } from './describe.js'
export { type DiffOptions, diff } from './diff.js'
export {
  applyRenames,
  type ColumnRename,
  findRenameCandidates,
  invertRenames,
  NO_RENAMES,
  type RenameCandidate,
  type Renames,
  type TableRename,
  tableLabel,
} from './renames.js'
export { classifyTypeChange, type TypeChange } from './type-change.js'
