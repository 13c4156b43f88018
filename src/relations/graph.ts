import { TidemarkError } from '../errors.js'
import type { AnyColumn, ColumnOwner } from '../schema/column.js'
import { type AnyTable, isTable, tableDefinition } from '../schema/table.js'
import type { RelationDeclaration } from './relation.js'

/** A relation ready to compile: the columns to correlate, from the parent's side to the target's. */
export interface ResolvedRelation {
  readonly kind: 'one' | 'many'
  readonly target: AnyTable
  /** The schema key of the target table. */
  readonly targetKey: string
  /** Parent's column. */
  readonly local: AnyColumn
  /** Target's column; with `through`, the target column the junction's remote side equals. */
  readonly remote: AnyColumn
  readonly through:
    | { readonly table: ColumnOwner; readonly local: AnyColumn; readonly remote: AnyColumn }
    | undefined
  readonly nullable: boolean
}

/** A relation name that foreign keys suggest but do not settle, with the reason and the choices. */
interface Unresolved {
  readonly kind: 'unresolved'
  readonly reason: string
}

export interface TableRelations {
  readonly key: string
  readonly table: AnyTable
  readonly relations: ReadonlyMap<string, ResolvedRelation | Unresolved>
}

export type RelationGraph = ReadonlyMap<AnyTable, TableRelations>

export type RelationDeclarations = Readonly<Record<string, Readonly<Record<string, RelationDeclaration>>>>

/**
 * The relations of every table in the schema: inferred from single-column foreign keys declared on
 * columns (`posts.authorId → users.id` gives `posts.author`, one, and `users.posts`, many), then the
 * declared ones, which win over an inferred relation of the same name. A foreign key whose name
 * would be ambiguous (two keys from one table to another, a self-reference, a name taken by a
 * column) is left out; asking for it says why and how to declare it.
 */
export function relationGraph(
  schema: Readonly<Record<string, unknown>>,
  declared: RelationDeclarations = {},
): RelationGraph {
  const tables = new Map<string, AnyTable>()
  const keyByOwner = new Map<string, string>()
  for (const [key, value] of Object.entries(schema)) {
    if (!isTable(value)) continue
    tables.set(key, value)
    const definition = value[tableDefinition]
    keyByOwner.set(ownerId(definition), key)
  }
  const inferred = inferRelations(tables, keyByOwner)
  for (const [tableKey, relations] of Object.entries(declared)) {
    const table = tables.get(tableKey)
    if (table === undefined) {
      throw new TidemarkError(
        `Relations are declared for '${tableKey}', which is not a table of the schema (tables: ${[...tables.keys()].join(', ')})`,
      )
    }
    for (const [name, declaration] of Object.entries(relations)) {
      const resolved = resolveDeclared(tableKey, table, name, declaration, keyByOwner, tables)
      if (Object.hasOwn(table[tableDefinition].columns, name)) {
        throw new TidemarkError(
          `Relation ${tableKey}.${name} has the name of a column of ${tableKey}: choose another name`,
        )
      }
      inferred.get(tableKey)!.set(name, resolved)
    }
  }
  const graph = new Map<AnyTable, TableRelations>()
  for (const [key, table] of tables) graph.set(table, { key, table, relations: inferred.get(key)! })
  return graph
}

/** The relations single-column foreign keys suggest, by table key; ambiguous names marked so. */
function inferRelations(
  tables: ReadonlyMap<string, AnyTable>,
  keyByOwner: ReadonlyMap<string, string>,
): Map<string, Map<string, ResolvedRelation | Unresolved>> {
  const inferred = new Map<string, Map<string, ResolvedRelation | Unresolved>>()
  for (const key of tables.keys()) inferred.set(key, new Map())
  const add = (tableKey: string, name: string, relation: ResolvedRelation | Unresolved): void => {
    const relations = inferred.get(tableKey)!
    const existing = relations.get(name)
    if (existing === undefined) relations.set(name, relation)
    else relations.set(name, { kind: 'unresolved', reason: ambiguity(tableKey, name, existing, relation) })
  }
  for (const [key, table] of tables) {
    const columns = table[tableDefinition].columns
    for (const [columnKey, column] of Object.entries(columns)) {
      const reference = column.config.references
      if (reference === undefined) continue
      const remote = reference.target()
      const targetKey = remote.table === undefined ? undefined : keyByOwner.get(ownerId(remote.table))
      if (targetKey === undefined) continue
      const target = tables.get(targetKey)!
      const where = `${key}.${columnKey} references ${targetKey}.${remote.key}`
      if (targetKey === key) {
        const reason = `${where} (a self-reference): declare both directions, e.g. relations: { ${key}: { parent: one(${key}.${columnKey}, ${key}.${remote.key}), children: many(${key}.${remote.key}, ${key}.${columnKey}) } }`
        add(key, oneName(columnKey) ?? columnKey, { kind: 'unresolved', reason })
        continue
      }
      const name = oneName(columnKey)
      if (name === undefined || Object.hasOwn(columns, name)) {
        const why = name === undefined ? 'its name does not end in Id or _id' : `${key}.${name} is a column`
        add(key, name ?? `${columnKey}`, {
          kind: 'unresolved',
          reason: `${where} but ${why}: name the relation, e.g. relations: { ${key}: { ${name === undefined ? `${columnKey}Row` : `${name}Row`}: one(${key}.${columnKey}, ${targetKey}.${remote.key}) } }`,
        })
      } else {
        add(key, name, {
          kind: 'one',
          target,
          targetKey,
          local: column,
          remote,
          through: undefined,
          nullable: !column.config.notNull,
        })
      }
      if (Object.hasOwn(target[tableDefinition].columns, key)) {
        add(targetKey, key, {
          kind: 'unresolved',
          reason: `${where} but ${targetKey}.${key} is a column: declare the relation under another name`,
        })
      } else {
        add(targetKey, key, {
          kind: 'many',
          target: table,
          targetKey: key,
          local: remote,
          remote: column,
          through: undefined,
          nullable: false,
        })
      }
    }
  }
  return inferred
}

function resolveDeclared(
  tableKey: string,
  table: AnyTable,
  name: string,
  declaration: RelationDeclaration,
  keyByOwner: ReadonlyMap<string, string>,
  tables: ReadonlyMap<string, AnyTable>,
): ResolvedRelation {
  const label = `Relation ${tableKey}.${name}`
  const { local, remote, through } = declaration
  if (keyByOwner.get(ownerId(local.table!)) !== tableKey || !isColumnOf(table, local)) {
    throw new TidemarkError(
      `${label}: its first column (${local.table!.name}.${local.name}) must be a column of ${tableKey}`,
    )
  }
  const targetKey = keyByOwner.get(ownerId(remote.table!))
  if (targetKey === undefined) {
    throw new TidemarkError(
      `${label}: the table of ${remote.table!.name}.${remote.name} is not in the schema; add it to the schema object`,
    )
  }
  let junction: ResolvedRelation['through']
  if (through !== undefined) {
    const [junctionLocal, junctionRemote] = through
    if (ownerId(junctionLocal.table!) !== ownerId(junctionRemote.table!)) {
      throw new TidemarkError(`${label}: both 'through' columns must belong to the junction table`)
    }
    junction = { table: junctionLocal.table!, local: junctionLocal, remote: junctionRemote }
  }
  return {
    kind: declaration.kind,
    target: tables.get(targetKey)!,
    targetKey,
    local,
    remote,
    through: junction,
    nullable: declaration.nullable,
  }
}

function isColumnOf(table: AnyTable, column: AnyColumn): boolean {
  return column.key !== undefined && table[tableDefinition].columns[column.key] === column
}

/** `authorId` and `author_id` name the relation `author`; other names suggest none. */
export function oneName(columnKey: string): string | undefined {
  const match = /^(.+?)(?:Id|_id)$/.exec(columnKey)
  return match?.[1]
}

function ownerId(owner: { readonly schema: string; readonly name: string }): string {
  return `${owner.schema}.${owner.name}`
}

function ambiguity(
  tableKey: string,
  name: string,
  first: ResolvedRelation | Unresolved,
  second: ResolvedRelation | Unresolved,
): string {
  const describe = (relation: ResolvedRelation | Unresolved): string =>
    relation.kind === 'unresolved'
      ? relation.reason
      : `${relation.kind === 'one' ? `${tableKey}.${relation.local.key} → ${relation.targetKey}.${relation.remote.key}` : `${relation.targetKey}.${relation.remote.key} → ${tableKey}.${relation.local.key}`}`
  return `several foreign keys would name ${tableKey}.${name} (${describe(first)}; ${describe(second)}): declare each under its own name, e.g. relations: { ${tableKey}: { ${name}A: ..., ${name}B: ... } } with one() / many()`
}

/** The resolved relation, or an error naming the table, the choices, and why a name is missing. */
export function relationOf(relations: TableRelations, name: string, path = relations.key): ResolvedRelation {
  const relation = relations.relations.get(name)
  if (relation !== undefined && relation.kind !== 'unresolved') return relation
  if (relation !== undefined) throw new TidemarkError(`${path} has no relation '${name}': ${relation.reason}`)
  const entries = [...relations.relations]
  const choices = entries.filter(([, r]) => r.kind !== 'unresolved').map(([n]) => n)
  const leftOut = entries.flatMap(([, r]) => (r.kind === 'unresolved' ? [r.reason] : []))
  throw new TidemarkError(
    `${path} has no relation '${name}' (relations: ${choices.length > 0 ? choices.join(', ') : 'none'}). ` +
      (leftOut.length > 0
        ? `Foreign keys that gave none: ${leftOut.join('; ')}`
        : 'Relations come from foreign keys declared with .references(), or from the relations option'),
  )
}
