import { hasStandardBody } from '../../../diff/defined-objects.js'
import type {
  CreateDefinedObject,
  DropDefinedObject,
  SetDefinedObjectComment,
} from '../../../diff/families/defined-object-changes.js'
import type { DefinedObjectModel, TriggerState } from '../../../model/types.js'
import { readRoutineHeader } from '../dsl/objects/routine-header.js'
import { quoteIdent } from '../grammar/quote.js'
import { commentOn } from './render-comments.js'
import { qualified } from './render-parts.js'

const KEYWORD: Record<DefinedObjectModel['kind'], string> = {
  extension: 'EXTENSION',
  function: 'FUNCTION',
  procedure: 'PROCEDURE',
  aggregate: 'AGGREGATE',
  'range type': 'TYPE',
  trigger: 'TRIGGER',
  rule: 'RULE',
  cast: 'CAST',
  publication: 'PUBLICATION',
  'statistics object': 'STATISTICS',
}

/** The object's statement, then its comment and trigger state when they are not the defaults. */
export function createDefinedObject(object: DefinedObjectModel): string[] {
  const statements = [orReplace(object)]
  if (object.comment !== null) statements.push(commentOnDefinedObject(object, object.comment))
  if (object.enabled !== null && object.enabled !== 'origin')
    statements.push(setTriggerState(object, object.enabled))
  return statements
}

/*
 * The renderers of the three shapes of change every kind of defined object has (see
 * `diff/families/defined-object-changes.ts`); each family module in `families/` lists them under
 * its kinds.
 */

/** Replaced in place, a routine keeps its comment; a changed one comes as a change of its own. */
export const renderCreateDefinedObject = (change: CreateDefinedObject<string>): string[] =>
  change.replaces ? [createDefinedObject(change.object)[0]!] : createDefinedObject(change.object)

export const renderDropDefinedObject = (change: DropDefinedObject<string>): string[] => [
  dropDefinedObject(change.object),
]

export const renderDefinedObjectComment = (change: SetDefinedObjectComment<string>): string[] => [
  commentOnDefinedObject(change.object, change.to),
]

/** Routines are always written CREATE OR REPLACE: the statement then also replaces one in place. */
function orReplace(object: DefinedObjectModel): string {
  if (object.kind !== 'function' && object.kind !== 'procedure') return object.definition
  const header = readRoutineHeader(object.definition)
  if (header === undefined || header.replaces) return object.definition
  const create = object.definition.slice(0, header.afterCreate)
  const words = create.endsWith('create') ? ' or replace' : ' OR REPLACE'
  return `${create}${words}${object.definition.slice(header.afterCreate)}`
}

/** A LANGUAGE sql routine with its body in a string: PostgreSQL checks that body at creation. */
export function readsTablesAtCreation(object: DefinedObjectModel): boolean {
  if (object.kind !== 'function' && object.kind !== 'procedure') return false
  return /\bLANGUAGE\s+'?sql'?(?![\w$])/i.test(object.definition) && !hasStandardBody(object)
}

/**
 * What DROP and COMMENT ON name: `EXTENSION "x"`, `FUNCTION "s"."f"(integer, text)` (routines by
 * their argument types), `TRIGGER "t" ON "s"."table"`, `TYPE "s"."x"`, `CAST (text AS public.x)`,
 * `STATISTICS "s"."x"` (named without its table).
 */
export function definedObjectTarget(object: DefinedObjectModel): string {
  const keyword = KEYWORD[object.kind]
  if (object.kind === 'extension' || object.kind === 'publication')
    return `${keyword} ${quoteIdent(object.name)}`
  // A cast's name is its `(source AS target)`, printed as PostgreSQL reads it back.
  if (object.kind === 'cast') return `${keyword} ${object.name}`
  if (object.kind === 'statistics object') return `${keyword} ${qualified(object.schema, object.name)}`
  if (object.table !== null)
    return `${keyword} ${quoteIdent(object.name)} ON ${qualified(object.schema, object.table)}`
  const paren = object.name.indexOf('(')
  if (paren > 0)
    return `${keyword} ${qualified(object.schema, object.name.slice(0, paren))}${object.name.slice(paren)}`
  return `${keyword} ${qualified(object.schema, object.name)}`
}

export function dropDefinedObject(object: DefinedObjectModel): string {
  return `DROP ${definedObjectTarget(object)}`
}

export function commentOnDefinedObject(object: DefinedObjectModel, text: string | null): string {
  return commentOn(definedObjectTarget(object), text)
}

const STATE_ACTION: Record<TriggerState, string> = {
  origin: 'ENABLE',
  always: 'ENABLE ALWAYS',
  replica: 'ENABLE REPLICA',
  disabled: 'DISABLE',
}

/** ALTER TABLE ... ENABLE / DISABLE TRIGGER for a trigger (`object.table` is set). */
export function setTriggerState(object: DefinedObjectModel, state: TriggerState): string {
  return `ALTER TABLE ${qualified(object.schema, object.table ?? '')} ${STATE_ACTION[state]} TRIGGER ${quoteIdent(object.name)}`
}
