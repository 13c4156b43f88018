import type {
  DefinedObjectModel,
  DomainModel,
  SchemaModel,
  TableModel,
  ViewModel,
} from '../../model/types.js'
import type { Hazard, ObjectRef } from '../change-parts.js'
import type { DriftDraft } from './drift-drafts.js'

/** What the hazards of a change depend on besides the change: what is there before the plan runs. */
export interface HazardContext {
  /** The table exists before the plan runs: building or scanning on it makes someone wait. */
  readonly existing: (table: ObjectRef) => boolean
  /** The materialized view is there before the plan and the plan does not rebuild it. */
  readonly keptView: (view: ObjectRef) => boolean
}

/** The two models `check` compares: what the migrations build and the live database. */
export interface DriftContext {
  readonly expected: SchemaModel
  readonly live: SchemaModel
}

/** The objects as the schema's author wrote them, to put authored expressions back into changes. */
export interface AuthoredSource {
  readonly table: (ref: ObjectRef) => TableModel | undefined
  readonly view: (ref: ObjectRef) => ViewModel | undefined
  readonly domain: (ref: ObjectRef) => DomainModel | undefined
  /** The object of the same kind and name (a routine by its signature), as its statement was written. */
  readonly definedObject: (object: DefinedObjectModel) => DefinedObjectModel | undefined
}

/** Everything the tooling says about one change kind, apart from its SQL (see `dialects/pg/ddl/`). */
export interface KindEntry<C> {
  /** One line a person reads in a migration's header or the CLI's output: `add column users.bio`. */
  readonly describe: (change: C) => string
  /** What can go wrong when it runs against a live database (`[]`: nothing known). */
  readonly hazards: (change: C, context: HazardContext) => Hazard[]
  /** How `check` words it when the live database differs from the migrations by this change. */
  readonly drift: (change: C, context: DriftContext) => DriftDraft[]
  /** The change with the expressions it carries as the author wrote them (`generate`'s output). */
  readonly authored: (change: C, source: AuthoredSource) => C
}

/**
 * A family's entries: one per kind of its change union. A kind added to the union without an entry
 * does not compile, and neither does `changeKinds` without the family.
 */
export type FamilyEntries<C extends { readonly kind: string }> = {
  readonly [K in C['kind']]: KindEntry<Extract<C, { readonly kind: K }>>
}

/** For changes with no known hazard. */
export const noHazards = (): Hazard[] => []

/** For changes whose SQL holds no expression the author wrote. */
export const asWritten = <C>(change: C): C => change
