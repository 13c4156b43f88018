import type { ChangeBody, ChangeKind, ChangeOf } from './changes.js'
import { columnKinds } from './families/columns.js'
import { compositeTypeKinds } from './families/composite-types.js'
import { constraintKinds } from './families/constraints.js'
import { domainKinds } from './families/domains.js'
import { enumKinds } from './families/enums.js'
import { extensionKinds } from './families/extensions.js'
import { grantKinds } from './families/grants.js'
import { indexKinds } from './families/indexes.js'
import { keptAsWrittenKinds } from './families/kept-as-written.js'
import type { KindEntry } from './families/kind-entry.js'
import { ownerKinds } from './families/owners.js'
import { partitionKinds } from './families/partitions.js'
import { policyKinds } from './families/policies.js'
import { routineKinds } from './families/routines.js'
import { schemaKinds } from './families/schemas.js'
import { sequenceKinds } from './families/sequences.js'
import { storageParameterKinds } from './families/storage-parameters.js'
import { tableKinds } from './families/tables.js'
import { triggerKinds } from './families/triggers.js'
import { typeRebuildKinds } from './families/type-rebuilds.js'
import { viewKinds } from './families/views.js'

/**
 * Every change kind's entry: its description, hazards, drift wording and authored expressions.
 * Typed by kind, so a kind of `ChangeBody` that no family lists fails to compile here.
 */
export const changeKinds: { readonly [K in ChangeKind]: KindEntry<ChangeOf<K>> } = {
  ...schemaKinds,
  ...extensionKinds,
  ...routineKinds,
  ...triggerKinds,
  ...keptAsWrittenKinds,
  ...enumKinds,
  ...domainKinds,
  ...compositeTypeKinds,
  ...typeRebuildKinds,
  ...sequenceKinds,
  ...tableKinds,
  ...columnKinds,
  ...constraintKinds,
  ...indexKinds,
  ...viewKinds,
  ...storageParameterKinds,
  ...policyKinds,
  ...partitionKinds,
  ...ownerKinds,
  ...grantKinds,
}

/** The entry of a change's kind, typed for that change. */
export function entryOf<C extends ChangeBody>(change: C): KindEntry<C> {
  // The record pairs each kind with the entry for its change; TypeScript cannot follow the pairing
  // through an index by a union-typed key, so it is restated here, once.
  return changeKinds[change.kind as ChangeKind] as unknown as KindEntry<C>
}
