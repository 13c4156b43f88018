import type { ChangeKind, ChangeOf } from '../../../diff/changes.js'
import { columnRenderers } from './families/columns.js'
import { compositeTypeRenderers } from './families/composite-types.js'
import { constraintRenderers } from './families/constraints.js'
import { domainRenderers } from './families/domains.js'
import { enumRenderers } from './families/enums.js'
import { extensionRenderers } from './families/extensions.js'
import { grantRenderers } from './families/grants.js'
import { indexRenderers } from './families/indexes.js'
import { keptAsWrittenRenderers } from './families/kept-as-written.js'
import { ownerRenderers } from './families/owners.js'
import { partitionRenderers } from './families/partitions.js'
import { policyRenderers } from './families/policies.js'
import { routineRenderers } from './families/routines.js'
import { schemaRenderers } from './families/schemas.js'
import { sequenceRenderers } from './families/sequences.js'
import { storageParameterRenderers } from './families/storage-parameters.js'
import { tableRenderers } from './families/tables.js'
import { triggerRenderers } from './families/triggers.js'
import { typeRebuildRenderers } from './families/type-rebuilds.js'
import { viewRenderers } from './families/views.js'

/**
 * The PostgreSQL statements of every change kind, one family module each (mirroring
 * `diff/families/`). Typed by kind, so a kind of `ChangeBody` that no family renders fails to
 * compile here.
 */
export const changeRenderers: { readonly [K in ChangeKind]: (change: ChangeOf<K>) => string[] } = {
  ...schemaRenderers,
  ...extensionRenderers,
  ...routineRenderers,
  ...triggerRenderers,
  ...keptAsWrittenRenderers,
  ...enumRenderers,
  ...domainRenderers,
  ...compositeTypeRenderers,
  ...typeRebuildRenderers,
  ...sequenceRenderers,
  ...tableRenderers,
  ...columnRenderers,
  ...constraintRenderers,
  ...indexRenderers,
  ...viewRenderers,
  ...storageParameterRenderers,
  ...policyRenderers,
  ...partitionRenderers,
  ...ownerRenderers,
  ...grantRenderers,
}
