import { objectKey as key } from '../model/object-key.js'
import type { EnumModel, SchemaModel, TableModel } from '../model/types.js'
import type { ChangeBody, EnumColumnUse } from './changes.js'
import { deepEqual as same } from './equal.js'

export interface EnumPlan {
  readonly create: ChangeBody[]
  /** ALTER TYPE … ADD VALUE, for enums that only gain labels. */
  readonly additions: ChangeBody[]
  /** Enums that lose or reorder labels: the new type takes the name early... */
  readonly replacements: ChangeBody[]
  /** ...and the columns still on the old type move over once the tables are reshaped. */
  readonly moves: ChangeBody[]
  readonly drop: ChangeBody[]
  /** Comments set, changed or removed on enums that stay (a replaced or created one carries its own). */
  readonly comments: ChangeBody[]
  /** `schema.table.column` of the moved columns: they get their new default with the move. */
  readonly movedColumns: ReadonlySet<string>
  /** `schema.table` of the tables with moved columns: views over them are rebuilt. */
  readonly movedTables: ReadonlySet<string>
}

export function planEnums(
  source: SchemaModel,
  to: SchemaModel,
  targetTables: ReadonlyMap<string, TableModel>,
): EnumPlan {
  const sourceEnums = new Map(source.enums.map((e) => [key(e), e]))
  const targetEnums = new Set(to.enums.map(key))
  const plan: EnumPlan = {
    create: to.enums.filter((e) => !sourceEnums.has(key(e))).map((e) => ({ kind: 'create-enum', enum: e })),
    additions: [],
    replacements: [],
    moves: [],
    drop: source.enums.filter((e) => !targetEnums.has(key(e))).map((e) => ({ kind: 'drop-enum', enum: e })),
    comments: [],
    movedColumns: new Set(),
    movedTables: new Set(),
  }
  for (const target of to.enums) {
    const current = sourceEnums.get(key(target))
    if (current === undefined) continue
    const ref = { schema: target.schema, name: target.name }
    const additions = same(current.values, target.values)
      ? []
      : valuesAddedInPlace(current.values, target.values)
    if (additions !== null) {
      for (const { value, before } of additions) {
        plan.additions.push({ kind: 'add-enum-value', enum: ref, value, before })
      }
      if (current.comment !== target.comment) {
        plan.comments.push({ kind: 'set-enum-comment', enum: ref, from: current.comment, to: target.comment })
      }
      continue
    }
    plan.replacements.push({ kind: 'replace-enum', from: current, to: target })
    const columns = enumColumns(target, source, targetTables)
    plan.moves.push({ kind: 'move-enum-columns', enum: target, columns })
    for (const use of columns) {
      ;(plan.movedColumns as Set<string>).add(`${key(use.table)}.${use.column}`)
      ;(plan.movedTables as Set<string>).add(key(use.table))
    }
  }
  return plan
}

/**
 * The labels to add with ALTER TYPE … ADD VALUE when `to` keeps every label of `from` in the same
 * relative order; null when labels are removed or reordered, which needs a new type. They are added
 * from the last to the first, each before its successor in `to`, which exists by then (null: append).
 */
export function valuesAddedInPlace(
  from: readonly string[],
  to: readonly string[],
): { value: string; before: string | null }[] | null {
  const existing = new Set(from)
  if (
    !same(
      to.filter((v) => existing.has(v)),
      from,
    )
  )
    return null
  const additions: { value: string; before: string | null }[] = []
  for (let i = to.length - 1; i >= 0; i--) {
    const value = to[i]!
    if (!existing.has(value)) additions.push({ value, before: to[i + 1] ?? null })
  }
  return additions
}

/**
 * Columns that exist before the plan on the enum being replaced and stay on it after: they move to
 * the new type, with their new default.
 */
function enumColumns(
  target: EnumModel,
  source: SchemaModel,
  targetTables: ReadonlyMap<string, TableModel>,
): EnumColumnUse[] {
  const name = key(target)
  const isEnum = (type: string): boolean => unquoted(type.replace(/(\[\])+$/, '')) === name
  const uses: EnumColumnUse[] = []
  for (const table of source.tables) {
    const after = targetTables.get(key(table))
    for (const column of table.columns) {
      const next = after?.columns.find((c) => c.name === column.name)
      if (next === undefined || !isEnum(column.type) || next.type !== column.type) continue
      uses.push({
        table: { schema: table.schema, name: table.name },
        column: column.name,
        dimensions: next.dimensions,
        hadDefault: column.default !== null,
        default: next.default,
      })
    }
  }
  return uses
}

/** Types are printed as PostgreSQL does, quoting names that need it: `public."Mood"` → `public.Mood`. */
function unquoted(type: string): string {
  return type.replace(/"((?:[^"]|"")*)"/g, (_, inner: string) => inner.replaceAll('""', '"'))
}
