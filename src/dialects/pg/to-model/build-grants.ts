import {
  COLUMN_PRIVILEGES,
  compareGrants,
  defaultGrants,
  grantKey,
  PRIVILEGES,
} from '../../../model/grants.js'
import { SchemaError } from '../../../model/schema-error.js'
import type { GrantModel, GrantObjectKind } from '../../../model/types.js'
import { DEFAULT_SCHEMA, kindOf } from '../../../schema/kind.js'
import { identifierProblem } from '../../../sql/identifiers.js'
import type { PgNamespace } from '../dsl/namespace.js'
import type { GrantTarget, PgGrant } from '../dsl/objects/grant.js'
import type { PgRoutine } from '../dsl/objects/routine.js'
import { relationOf } from '../dsl/objects/trigger.js'
import type { PgSequence } from '../dsl/sequence.js'
import type { CollectedSchema } from './collect.js'

/** The objects of the model a grant may name, by `schema.name` (schemas by their name). */
export interface GrantableObjects {
  readonly relations: ReadonlyMap<string, readonly string[]>
  readonly sequences: ReadonlySet<string>
  readonly schemas: ReadonlySet<string>
}

interface ResolvedTarget {
  readonly on: GrantObjectKind
  readonly schema: string
  readonly name: string
  readonly label: string
  /** A relation's column names; undefined for the other kinds. */
  readonly columns: readonly string[] | undefined
}

/**
 * The model's grants: every declared grant, one entry per object, column, role and privilege, and
 * PostgreSQL's default EXECUTE for PUBLIC on each declared routine that does not revoke it.
 */
export function buildGrants(found: CollectedSchema, objects: GrantableObjects): GrantModel[] {
  const grants = new Map<string, GrantModel>()
  const put = (grant: GrantModel): void => {
    const known = grants.get(grantKey(grant))
    // Granted twice, once WITH GRANT OPTION: PostgreSQL keeps the option.
    if (known === undefined || (!known.grantable && grant.grantable)) grants.set(grantKey(grant), grant)
  }
  for (const routine of found.routines) {
    if (routine.publicExecute)
      for (const grant of defaultGrants(routine.kind, routine.schema, routine.signature)) put(grant)
  }
  for (const declared of found.grants) {
    for (const on of declared.on) {
      const target = resolveTarget(on, found, objects)
      for (const grant of expand(declared, target)) put(grant)
    }
  }
  for (const routine of found.routines) {
    if (routine.publicExecute) continue
    const key = grantKey(defaultGrants(routine.kind, routine.schema, routine.signature)[0]!)
    if (grants.has(key))
      throw new SchemaError(
        `${routine.kind} ${routine.schema}.${routine.signature}`,
        'publicExecute is false, yet a grant gives EXECUTE to public; keep one of the two',
      )
  }
  return [...grants.values()].sort(compareGrants)
}

function resolveTarget(on: GrantTarget, found: CollectedSchema, objects: GrantableObjects): ResolvedTarget {
  const kind = kindOf(on)
  const absent = (label: string): never => {
    throw new SchemaError(`grant on ${label}`, `${label} is not part of the schema; export it too`)
  }
  if (kind === 'table' || kind === 'view') {
    const relation = relationOf(on)!
    const label = `${kind} ${relation.schema}.${relation.name}`
    const columns = objects.relations.get(`${relation.schema}.${relation.name}`)
    if (columns === undefined) return absent(label)
    return { on: 'table', schema: relation.schema, name: relation.name, label, columns }
  }
  if (kind === 'sequence') {
    const sequence = on as PgSequence
    const label = `sequence ${sequence.schema}.${sequence.name}`
    if (!objects.sequences.has(`${sequence.schema}.${sequence.name}`)) return absent(label)
    return { on: 'sequence', schema: sequence.schema, name: sequence.name, label, columns: undefined }
  }
  if (kind === 'routine') {
    const routine = on as PgRoutine
    const label = `${routine.kind} ${routine.schema}.${routine.signature}`
    if (!found.routines.includes(routine)) return absent(label)
    return { on: routine.kind, schema: routine.schema, name: routine.signature, label, columns: undefined }
  }
  if (kind === 'namespace') {
    const name = (on as PgNamespace).name
    const label = `schema ${name}`
    if (name === DEFAULT_SCHEMA)
      throw new SchemaError(
        `grant on ${label}`,
        'the public schema is not managed by Tidemark (PostgreSQL gives USAGE on it to PUBLIC); grant on its tables, sequences and routines instead',
      )
    if (!objects.schemas.has(name)) return absent(label)
    return { on: 'schema', schema: name, name, label, columns: undefined }
  }
  throw new SchemaError(
    'grant',
    `grant() takes tables, views, sequences, functions, procedures and schemas, got ${String(on)}`,
  )
}

function expand(declared: PgGrant, target: ResolvedTarget): GrantModel[] {
  const where = `grant on ${target.label}`
  const kindPrivileges = PRIVILEGES[target.on]
  const columns = declared.columns === undefined ? undefined : columnNames(declared, target, where)
  const allowed = columns === undefined ? kindPrivileges : COLUMN_PRIVILEGES
  // ALL names the privileges every supported PostgreSQL knows: MAINTAIN is PostgreSQL 17's.
  const privileges =
    declared.privileges === 'ALL' ? allowed.filter((p) => p !== 'MAINTAIN') : declared.privileges
  for (const privilege of privileges) {
    if (!allowed.includes(privilege))
      throw new SchemaError(
        where,
        `${String(privilege)} is not a privilege of ${columns === undefined ? `a ${target.on === 'table' ? 'table or view' : target.on}` : 'a column'}; use ${allowed.join(', ')}`,
      )
  }
  for (const role of declared.to) {
    const problem = identifierProblem(role)
    if (problem !== undefined) throw new SchemaError(`${where}, role ${role}`, problem)
  }
  return declared.to.flatMap((grantee) =>
    [...new Set(privileges)].flatMap((privilege) =>
      (columns ?? [null]).map((column) => ({
        on: target.on,
        schema: target.schema,
        name: target.name,
        column,
        grantee,
        privilege,
        grantable: declared.withGrantOption,
      })),
    ),
  )
}

function columnNames(declared: PgGrant, target: ResolvedTarget, where: string): string[] {
  if (target.columns === undefined)
    throw new SchemaError(where, 'columns are for grants on tables and views only')
  if (declared.columns!.length === 0) throw new SchemaError(where, 'columns is empty; list at least one')
  return declared.columns!.map((column) => {
    const owner = column.table
    if (
      owner?.schema !== target.schema ||
      owner.name !== target.name ||
      !target.columns!.includes(column.name)
    )
      throw new SchemaError(where, `columns takes columns of ${target.schema}.${target.name}`)
    return column.name
  })
}
