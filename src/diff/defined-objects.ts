import type { DefinedObjectModel } from '../model/types.js'
import type { ChangeBody } from './changes.js'
import {
  type CommentKind,
  DEFINED_OBJECT_CHANGE_KINDS,
  type SetDefinedObjectComment,
} from './families/defined-object-changes.js'

/** Kinds created before tables (columns, defaults and checks may use them) and dropped after them. */
const EARLY_KINDS: ReadonlySet<DefinedObjectModel['kind']> = new Set([
  'extension',
  'range type',
  'function',
  'procedure',
  'aggregate',
  'cast',
])

/**
 * A cast converts with a routine and between types: among the early objects it is created last and
 * dropped first (the model's order would put it before the functions it calls).
 */
const castsLast = (a: { object: DefinedObjectModel }, b: { object: DefinedObjectModel }): number =>
  Number(a.object.kind === 'cast') - Number(b.object.kind === 'cast')
const castsFirst = (a: DefinedObjectModel, b: DefinedObjectModel): number =>
  Number(b.kind === 'cast') - Number(a.kind === 'cast')

export const definedObjectKey = (o: DefinedObjectModel): string =>
  `${o.kind}\u0000${o.schema}\u0000${o.table}\u0000${o.name}`

const isRoutine = (o: DefinedObjectModel): boolean => o.kind === 'function' || o.kind === 'procedure'

/** The changes for objects defined by their statements, in the slots the plan puts them. */
export interface DefinedObjectsPlan {
  /** Extensions, before every type and table. */
  readonly createExtensions: ChangeBody[]
  /** Routines, aggregates and types other than enums, after enums and before tables. */
  readonly createEarly: ChangeBody[]
  /**
   * Routines with SQL-standard bodies, and routines that take or return a table's row type, after
   * the tables and before views.
   */
  readonly createAfterTables: ChangeBody[]
  /** Routines that take or return a view's row type, after the views. */
  readonly createAfterViews: ChangeBody[]
  /** Triggers and rules, after the tables and views they hang on. */
  readonly createLate: ChangeBody[]
  /** Triggers and rules that go or change, before tables change. */
  readonly dropLate: ChangeBody[]
  /** Routines dropped to be created again (CREATE OR REPLACE cannot change them): before anything is created. */
  readonly dropRecreated: ChangeBody[]
  /** Early objects that go for good, after the tables that used them (reverse order). */
  readonly dropEarly: ChangeBody[]
  /** Routines that go for good and take or return a view's row type: before views go. */
  readonly dropBeforeViews: ChangeBody[]
  /** Routines that go for good and take or return a table's row type: before tables go. */
  readonly dropBeforeTables: ChangeBody[]
  /** Extensions that go, last. */
  readonly dropExtensions: ChangeBody[]
  /** Comments and trigger states of objects that stay. */
  readonly alter: ChangeBody[]
  /** Routines dropped and created again: what calls them (views, policies, defaults, checks) must go and come back too. */
  readonly recreatedRoutines: readonly DefinedObjectModel[]
}

/** Qualified names of the tables and views of each side, whose row types routines may use. */
export interface Relations {
  readonly from: { readonly tables: readonly QualifiedName[]; readonly views: readonly QualifiedName[] }
  readonly to: { readonly tables: readonly QualifiedName[]; readonly views: readonly QualifiedName[] }
}

interface QualifiedName {
  readonly schema: string
  readonly name: string
}

const NO_RELATIONS: Relations = { from: { tables: [], views: [] }, to: { tables: [], views: [] } }

/** Whether a definition names the type `schema.name` (as PostgreSQL prints it, quoted where needed). */
function mentionsType(definition: string, type: QualifiedName): boolean {
  const part = (name: string) => {
    const plain = /^[a-z_][a-z0-9_$]*$/.test(name)
    const text = plain ? name : `"${name.replaceAll('"', '""')}"`
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  }
  return new RegExp(`(^|[^\\w."$])${part(type.schema)}\\.${part(type.name)}($|[^\\w"$])`).test(definition)
}

/**
 * Plans extensions, routines, triggers and the other objects kept as their statement (aggregates,
 * range types, rules, casts, publications, extended statistics), compared by definition. A routine
 * whose definition changes is replaced in place (CREATE OR REPLACE) when its signature and result
 * stay, so what calls it stays too; otherwise PostgreSQL refuses the replacement and it is dropped
 * and created again, with the triggers that execute it. A routine whose arguments or result are a
 * table's or a view's row type is created after that relation and dropped before it.
 */
export function planDefinedObjects(
  from: readonly DefinedObjectModel[],
  to: readonly DefinedObjectModel[],
  relations: Relations = NO_RELATIONS,
  rebuiltTypes: readonly QualifiedName[] = [],
): DefinedObjectsPlan {
  const source = new Map(from.map((o) => [definedObjectKey(o), o]))
  const target = new Map(to.map((o) => [definedObjectKey(o), o]))
  const dropped: DefinedObjectModel[] = []
  const created: { object: DefinedObjectModel; replaces: boolean }[] = []
  let alter: ChangeBody[] = []
  const recreatedRoutines: DefinedObjectModel[] = []

  for (const o of from) {
    const t = target.get(definedObjectKey(o))
    if (t === undefined) dropped.push(o)
    else if (isRoutine(o) && rebuiltTypes.some((type) => mentionsType(o.definition, type))) {
      // A type it takes or returns is replaced: it must let go of the old one, then bind to the new.
      dropped.push(o)
      created.push({ object: t, replaces: false })
      recreatedRoutines.push(o)
    } else if (t.definition !== o.definition) {
      if (isRoutine(o) && routineHead(o) === routineHead(t)) {
        created.push({ object: t, replaces: true })
        alter.push(...stateChanges(o, t))
      } else {
        dropped.push(o)
        created.push({ object: t, replaces: false })
        if (isRoutine(o)) recreatedRoutines.push(o)
      }
    } else alter.push(...stateChanges(o, t))
  }
  for (const t of to) if (!source.has(definedObjectKey(t))) created.push({ object: t, replaces: false })

  // Triggers that execute (or call in WHEN) a routine dropped and created again go and come back with it.
  const droppedKeys = new Set(dropped.map(definedObjectKey))
  for (const trigger of from) {
    if (trigger.kind !== 'trigger' || droppedKeys.has(definedObjectKey(trigger))) continue
    if (!recreatedRoutines.some((routine) => callsRoutine(trigger.definition, routine))) continue
    const again = target.get(definedObjectKey(trigger))
    dropped.push(trigger)
    droppedKeys.add(definedObjectKey(trigger))
    if (again !== undefined) {
      created.push({ object: again, replaces: false })
      // Created again, it carries its comment and state: no separate change for them.
      alter = alter.filter((c) => !('object' in c) || definedObjectKey(c.object) !== definedObjectKey(again))
    }
  }

  // Casts over a type that is replaced, or that convert with a routine dropped and created again,
  // hold them: they go first and come back after them.
  for (const cast of from) {
    if (cast.kind !== 'cast' || droppedKeys.has(definedObjectKey(cast))) continue
    const through = recreatedRoutines.some((routine) => callsRoutine(cast.definition, routine))
    if (!through && !rebuiltTypes.some((type) => mentionsType(cast.definition, type))) continue
    const again = target.get(definedObjectKey(cast))
    dropped.push(cast)
    droppedKeys.add(definedObjectKey(cast))
    if (again !== undefined) {
      created.push({ object: again, replaces: false })
      alter = alter.filter((c) => !('object' in c) || definedObjectKey(c.object) !== definedObjectKey(again))
    }
  }

  const createdKeys = new Set(created.map((c) => definedObjectKey(c.object)))
  const drop = (o: DefinedObjectModel): ChangeBody => ({
    kind: DEFINED_OBJECT_CHANGE_KINDS[o.kind].drop,
    object: o,
    recreated: createdKeys.has(definedObjectKey(o)),
  })
  const create = (c: { object: DefinedObjectModel; replaces: boolean }): ChangeBody => ({
    kind: DEFINED_OBJECT_CHANGE_KINDS[c.object.kind].create,
    object: c.object,
    replaces: c.replaces,
  })
  const isExtension = (o: DefinedObjectModel): boolean => o.kind === 'extension'
  const early = (o: DefinedObjectModel): boolean => EARLY_KINDS.has(o.kind) && !isExtension(o)
  const usesTarget = (names: readonly QualifiedName[]) => (o: DefinedObjectModel) =>
    isRoutine(o) && usesRowType(o, names)
  const usesTargetView = usesTarget(relations.to.views)
  const usesTargetTable = (o: DefinedObjectModel) => !usesTargetView(o) && usesTarget(relations.to.tables)(o)
  const usesSourceView = usesTarget(relations.from.views)
  const usesSourceTable = (o: DefinedObjectModel) =>
    !usesSourceView(o) && usesTarget(relations.from.tables)(o)
  const goes = (o: DefinedObjectModel) => early(o) && !createdKeys.has(definedObjectKey(o))
  return {
    createExtensions: created.filter((c) => isExtension(c.object)).map(create),
    createEarly: created
      .filter(
        (c) =>
          early(c.object) &&
          !hasStandardBody(c.object) &&
          !usesTargetTable(c.object) &&
          !usesTargetView(c.object),
      )
      .sort(castsLast)
      .map(create),
    createAfterTables: created
      .filter((c) => (hasStandardBody(c.object) || usesTargetTable(c.object)) && !usesTargetView(c.object))
      .map(create),
    createAfterViews: created.filter((c) => usesTargetView(c.object)).map(create),
    createLate: created.filter((c) => !EARLY_KINDS.has(c.object.kind)).map(create),
    dropLate: dropped.filter((o) => !EARLY_KINDS.has(o.kind)).map(drop),
    dropRecreated: dropped
      .filter((o) => early(o) && createdKeys.has(definedObjectKey(o)))
      .sort(castsFirst)
      .map(drop),
    dropBeforeViews: dropped
      .filter((o) => goes(o) && usesSourceView(o))
      .reverse()
      .map(drop),
    dropBeforeTables: dropped
      .filter((o) => goes(o) && usesSourceTable(o))
      .reverse()
      .map(drop),
    dropEarly: dropped
      .filter((o) => goes(o) && !usesSourceView(o) && !usesSourceTable(o))
      .reverse()
      .sort(castsFirst)
      .map(drop),
    dropExtensions: dropped.filter(isExtension).reverse().map(drop),
    alter,
    recreatedRoutines,
  }
}

function stateChanges(from: DefinedObjectModel, to: DefinedObjectModel): ChangeBody[] {
  const changes: ChangeBody[] = []
  if (from.comment !== to.comment) {
    const comment: SetDefinedObjectComment<CommentKind> = {
      kind: DEFINED_OBJECT_CHANGE_KINDS[to.kind].comment,
      object: to,
      from: from.comment,
      to: to.comment,
    }
    // TypeScript matches an object whose kind is one of seven against the change union only up to
    // 25 combinations of its discriminants (kind, from and to here), so it is told.
    changes.push(comment as ChangeBody)
  }
  if (from.enabled !== null && to.enabled !== null && from.enabled !== to.enabled)
    changes.push({ kind: 'set-trigger-state', object: to, from: from.enabled, to: to.enabled })
  return changes
}

/**
 * What CREATE OR REPLACE cannot change: the signature line with argument names and defaults, and
 * the result, which pg_get_functiondef prints on the lines before LANGUAGE. A definition not in
 * that form is compared whole.
 */
function routineHead(o: DefinedObjectModel): string {
  const end = o.definition.indexOf('\n LANGUAGE ')
  return end < 0 ? o.definition : o.definition.slice(0, end)
}

/**
 * Whether an expression PostgreSQL printed (with an empty search_path, so names are qualified)
 * calls the routine. A text match, so it errs towards rebuilding what only mentions the name.
 */
export function callsRoutine(text: string | null, routine: DefinedObjectModel): boolean {
  if (text === null) return false
  const name = routine.name.slice(0, routine.name.indexOf('('))
  return [`${routine.schema}.${name}(`, `${quote(routine.schema)}.${quote(name)}(`].some((call) =>
    text.includes(call),
  )
}

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`

/**
 * Whether a routine names one of the relations' types: its signature (up to LANGUAGE or AS, as
 * pg_get_functiondef and the DSL write it) holds the qualified name, quoted or bare, other than as
 * a call; or anywhere in it (arguments, result, a plpgsql declaration) `relation%ROWTYPE` or
 * `relation.column%TYPE`, which PostgreSQL resolves when it creates the routine.
 */
function usesRowType(routine: DefinedObjectModel, relations: readonly QualifiedName[]): boolean {
  if (relations.length === 0) return false
  if (typeReferences(routine.definition).some((ref) => relations.some((r) => refersTo(ref, r)))) return true
  const end = routine.definition.search(/\s(?:LANGUAGE|AS)\s/i)
  const head = end < 0 ? routine.definition : routine.definition.slice(0, end)
  const part = (name: string) => `(?:${escapeRegExp(quote(name))}|${escapeRegExp(name)})`
  return relations.some((r) =>
    new RegExp(`(?<![\\w$."])${part(r.schema)}\\.${part(r.name)}(?![\\w$"(])`).test(head),
  )
}

/** An identifier as written: quoted (`"a""b"`) or bare (folded to lower case). */
const IDENTIFIER = String.raw`(?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*)`
const TYPE_REFERENCE = new RegExp(
  String.raw`(?<![\w$."])(${IDENTIFIER}(?:\s*\.\s*${IDENTIFIER}){0,2})\s*%\s*(ROWTYPE|TYPE)(?![\w$])`,
  'gi',
)

/** A relation a `%TYPE` or `%ROWTYPE` names; `schema` is undefined when the name is not qualified. */
interface TypeReference {
  readonly schema: string | undefined
  readonly relation: string
}

/**
 * The relations `x%ROWTYPE`, `s.x%ROWTYPE`, `x.c%TYPE` and `s.x.c%TYPE` name in a text. A single
 * name before %TYPE is a variable's or an argument's, not a relation's.
 */
function typeReferences(text: string): TypeReference[] {
  const references: TypeReference[] = []
  for (const match of text.matchAll(TYPE_REFERENCE)) {
    const parts = [...match[1]!.matchAll(new RegExp(IDENTIFIER, 'g'))].map((m) => unquote(m[0]))
    const names = match[2]!.toUpperCase() === 'ROWTYPE' ? parts : parts.slice(0, -1)
    if (names.length === 0) continue
    references.push({ schema: names.at(-2), relation: names.at(-1)! })
  }
  return references
}

const unquote = (name: string): string =>
  name.startsWith('"') ? name.slice(1, -1).replaceAll('""', '"') : name.toLowerCase()

const refersTo = (ref: TypeReference, relation: QualifiedName): boolean =>
  ref.relation === relation.name && (ref.schema === undefined || ref.schema === relation.schema)

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * A routine body in the SQL-standard form (`RETURN expr`, `BEGIN ATOMIC ... END`) rather than a
 * string: PostgreSQL parses it at creation whatever check_function_bodies says, so it is created
 * after the tables it may read.
 */
export function hasStandardBody(object: DefinedObjectModel): boolean {
  if (!isRoutine(object)) return false
  return !/\bAS\s+(\$\w*\$|'|E')/i.test(object.definition)
}
