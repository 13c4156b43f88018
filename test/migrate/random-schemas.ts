/**
 * Random schemas for property tests, drawn from small pools of names so that two draws overlap:
 * the same table with other columns, the same column with another type, an enum with other labels,
 * the same object with another comment or none, row-level security on or off, a policy or none, a
 * domain with another base type or checks, a composite type with other attributes in another order,
 * routines with other bodies or result types, a trigger in another state, an extension or none.
 */
import fc from 'fast-check'
import { sql } from 'tidemark'
import {
  type AnyColumn,
  type AnyTable,
  bigint,
  boolean,
  comment,
  compositeType,
  date,
  domain,
  enableRowLevelSecurity,
  enumType,
  extension,
  forceRowLevelSecurity,
  index,
  integer,
  jsonb,
  numeric,
  pgFunction,
  policy,
  schema,
  serial,
  table,
  text,
  timestamptz,
  trigger,
  uuid,
  varchar,
} from 'tidemark/pg'

const TYPE_KINDS = [
  'integer',
  'bigint',
  'text',
  'varchar20',
  'varchar40',
  'numeric',
  'boolean',
  'date',
  'timestamptz',
  'jsonb',
  'uuid',
  'mood',
  'integer[]',
  'label',
  'place',
  'place[]',
] as const
type TypeKind = (typeof TYPE_KINDS)[number]

interface ColumnSpec {
  readonly name: string
  readonly kind: TypeKind
  readonly notNull: boolean
  readonly withDefault: boolean
  readonly unique: boolean
  readonly comment: string | null
}

interface TableSpec {
  readonly name: string
  readonly inAppSchema: boolean
  readonly key: 'none' | 'integer' | 'serial' | 'identity'
  readonly columns: readonly ColumnSpec[]
  readonly indexed: readonly number[]
  readonly referencesTable: string | null
  readonly comment: string | null
  readonly rowLevelSecurity: { readonly enabled: boolean; readonly forced: boolean }
  readonly policy: PolicySpec | null
}

/** One policy for PUBLIC (roles would have to exist), whose expression reads no column. */
interface PolicySpec {
  readonly as: 'permissive' | 'restrictive'
  readonly for: 'all' | 'select' | 'update'
  readonly using: string
}

const policySpec: fc.Arbitrary<PolicySpec | null> = fc.option(
  fc.record({
    as: fc.constantFrom('permissive', 'restrictive' as const),
    for: fc.constantFrom('all', 'select', 'update' as const),
    // As PostgreSQL prints them: the property compares models without a shadow database.
    using: fc.constantFrom('true', "(CURRENT_USER <> 'nobody'::name)"),
  }),
  { nil: null },
)

/** A domain `label`; its checks are written as PostgreSQL prints them, as policies are. */
interface LabelSpec {
  readonly base: 'text' | 'varchar20'
  readonly notNull: boolean
  readonly withDefault: boolean
  readonly checks: readonly ('nonEmpty' | 'short')[]
  readonly comment: string | null
}

/** A composite type `place`: some of a few attributes, in any order, one a label, one a mood. */
interface PlaceSpec {
  readonly attributes: readonly ('street' | 'zip' | 'n' | 'tag' | 'mood')[]
  readonly comment: string | null
}

/**
 * Routines written exactly as pg_get_functiondef prints them (so toModel's reading and the
 * database's agree without a shadow database), a trigger on the first table as pg_get_triggerdef
 * prints it, and an extension. `calc` changing its result type is dropped and created again.
 */
interface RoutinesSpec {
  readonly calc: {
    readonly returns: 'integer' | 'bigint'
    readonly body: string
    readonly comment: string | null
  } | null
  readonly touch: { readonly body: string; readonly comment: string | null } | null
  readonly trigger: {
    readonly timing: 'BEFORE' | 'AFTER'
    readonly event: 'INSERT' | 'UPDATE' | 'INSERT OR DELETE'
    readonly enabled: 'origin' | 'always' | 'replica' | 'disabled'
    readonly comment: string | null
  } | null
  readonly extension: boolean
}

export interface SchemaSpec {
  readonly mood: readonly string[]
  readonly moodComment: string | null
  readonly label: LabelSpec | null
  readonly place: PlaceSpec | null
  readonly tables: readonly TableSpec[]
  readonly routines: RoutinesSpec
}

/** Comments from a small pool (so that draws agree or differ), with quotes, backslashes and newlines. */
const commentText: fc.Arbitrary<string | null> = fc.option(
  fc.constantFrom('Plain', "it's a \\ backslash", 'two\nlines ✓'),
  { nil: null },
)

const columnSpec = (name: string): fc.Arbitrary<ColumnSpec> =>
  fc.record({
    name: fc.constant(name),
    kind: fc.constantFrom(...TYPE_KINDS),
    notNull: fc.boolean(),
    withDefault: fc.boolean(),
    unique: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
    comment: commentText,
  })

const tableSpec = (name: string): fc.Arbitrary<TableSpec> =>
  fc
    .record({
      inAppSchema: fc.boolean().map((b) => b && name === 'tags'),
      key: fc.constantFrom('none', 'integer', 'serial', 'identity' as const),
      columnNames: fc.subarray(['a', 'b', 'c', 'Mixed Name', 'select'], { minLength: 1 }),
      referencesTable: fc.option(fc.constantFrom('users', 'posts', 'tags', 'teams'), { nil: null }),
      comment: commentText,
      rowLevelSecurity: fc.record({ enabled: fc.boolean(), forced: fc.boolean() }),
      policy: policySpec,
    })
    .chain((t) =>
      fc.record({
        name: fc.constant(name),
        inAppSchema: fc.constant(t.inAppSchema),
        key: fc.constant(t.key),
        columns: fc.tuple(...t.columnNames.map(columnSpec)),
        indexed: fc.subarray(
          t.columnNames.map((_, i) => i),
          { maxLength: Math.min(2, t.columnNames.length) },
        ),
        referencesTable: fc.constant(t.referencesTable),
        comment: fc.constant(t.comment),
        rowLevelSecurity: fc.constant(t.rowLevelSecurity),
        policy: fc.constant(t.policy),
      }),
    )

const labelSpec: fc.Arbitrary<LabelSpec | null> = fc.option(
  fc.record({
    base: fc.constantFrom('text', 'varchar20' as const),
    notNull: fc.boolean(),
    withDefault: fc.boolean(),
    checks: fc.subarray(['nonEmpty', 'short'] as const),
    comment: commentText,
  }),
  { nil: null },
)

const placeSpec: fc.Arbitrary<PlaceSpec | null> = fc.option(
  fc.record({
    attributes: fc.shuffledSubarray(['street', 'zip', 'n', 'tag', 'mood'] as const, { minLength: 1 }),
    comment: commentText,
  }),
  { nil: null },
)

const routinesSpec: fc.Arbitrary<RoutinesSpec> = fc.record({
  calc: fc.option(
    fc.record({
      returns: fc.constantFrom('integer', 'bigint' as const),
      body: fc.constantFrom('select $1 + 1', 'select $1 * 2'),
      comment: commentText,
    }),
    { nil: null },
  ),
  touch: fc.option(
    fc.record({
      body: fc.constantFrom('begin return new; end', 'begin\n  return new;\nend'),
      comment: commentText,
    }),
    { nil: null },
  ),
  trigger: fc.option(
    fc.record({
      timing: fc.constantFrom('BEFORE', 'AFTER' as const),
      event: fc.constantFrom('INSERT', 'UPDATE', 'INSERT OR DELETE' as const),
      enabled: fc.constantFrom('origin', 'always', 'replica', 'disabled' as const),
      comment: commentText,
    }),
    { nil: null },
  ),
  extension: fc.boolean(),
})

export const schemaSpec: fc.Arbitrary<SchemaSpec> = fc
  .record({
    mood: fc.shuffledSubarray(['calm', 'happy', 'sad', 'angry'], { minLength: 1 }),
    moodComment: commentText,
    label: labelSpec,
    place: placeSpec,
    tableNames: fc.subarray(['users', 'posts', 'tags', 'teams']),
    routines: routinesSpec,
  })
  .chain((s) =>
    fc.record({
      mood: fc.constant(s.mood),
      moodComment: fc.constant(s.moodComment),
      label: fc.constant(s.label),
      place: fc.constant(s.place),
      tables: fc.tuple(...s.tableNames.map(tableSpec)),
      routines: fc.constant(s.routines),
    }),
  )

/** The label domain and the place type a spec declares, each undefined when it has none. */
function userTypes(spec: SchemaSpec, mood: ReturnType<typeof enumType>) {
  const l = spec.label
  const label =
    l === null
      ? undefined
      : domain('label', l.base === 'text' ? text() : varchar({ length: 20 }), {
          notNull: l.notNull,
          ...(l.withDefault ? { default: 'none' } : {}),
          // As PostgreSQL prints them for each base type.
          checks: Object.fromEntries(
            l.checks.map((c) => [
              `label_${c}`,
              sql.raw(
                c === 'nonEmpty'
                  ? l.base === 'text'
                    ? "(VALUE <> ''::text)"
                    : "((VALUE)::text <> ''::text)"
                  : l.base === 'text'
                    ? '(length(VALUE) < 10)'
                    : '(length((VALUE)::text) < 10)',
              ),
            ]),
          ),
          comment: l.comment ?? undefined,
        })
  const p = spec.place
  const attribute = (name: PlaceSpec['attributes'][number]): AnyColumn =>
    name === 'street'
      ? text()
      : name === 'zip'
        ? varchar({ length: 20 })
        : name === 'n'
          ? integer()
          : name === 'mood'
            ? mood()
            : (label ?? text)()
  const place =
    p === null
      ? undefined
      : compositeType('place', Object.fromEntries(p.attributes.map((a) => [a, attribute(a)])), {
          comment: p.comment ?? undefined,
        })
  return { label, place }
}

function column(
  spec: ColumnSpec,
  mood: ReturnType<typeof enumType>,
  labels: readonly string[],
  types: ReturnType<typeof userTypes>,
): AnyColumn {
  const name = spec.name
  let c: AnyColumn
  let value: unknown
  switch (spec.kind) {
    case 'label':
      c = (types.label ?? text)(name)
      value = 'short'
      break
    case 'place':
    case 'place[]':
      c = types.place === undefined ? text(name) : types.place(name)
      if (spec.kind === 'place[]') c = c.array()
      // A composite default would have to match the attributes of the draw: none is declared.
      value = undefined
      break
    case 'integer':
      c = integer(name)
      value = 7
      break
    case 'bigint':
      c = bigint(name, { mode: 'bigint' })
      value = 9007199254740993n
      break
    case 'text':
      c = text(name)
      value = "it's \\ fine"
      break
    case 'varchar20':
      c = varchar(name, { length: 20 })
      value = 'short'
      break
    case 'varchar40':
      c = varchar(name, { length: 40 })
      value = 'a bit longer'
      break
    case 'numeric':
      c = numeric(name, { precision: 10, scale: 2 })
      value = '12.50'
      break
    case 'boolean':
      c = boolean(name)
      value = true
      break
    case 'date':
      c = date(name)
      value = '2024-02-29'
      break
    case 'timestamptz':
      c = timestamptz(name)
      value = new Date(Date.UTC(2024, 0, 2, 3, 4, 5))
      break
    case 'jsonb':
      c = jsonb(name)
      value = { a: [1, 'two'] }
      break
    case 'uuid':
      c = uuid(name)
      value = '2b1f9f5e-3c4d-4e5f-8a9b-0c1d2e3f4a5b'
      break
    case 'mood':
      c = mood(name)
      value = labels[0]
      break
    case 'integer[]':
      c = integer(name).array()
      value = [1, 2]
      break
  }
  if (spec.withDefault && value !== undefined) c = c.default(value as never)
  if (spec.notNull) c = c.notNull()
  if (spec.unique) c = c.unique()
  if (spec.comment !== null) c = c.comment(spec.comment)
  return c
}

/** The schema objects a spec describes, ready for `toModel`. */
export function buildSchema(spec: SchemaSpec): Record<string, unknown> {
  const mood = enumType('mood', [...spec.mood] as [string, ...string[]], {
    comment: spec.moodComment ?? undefined,
  })
  const app = schema('app')
  const objects: Record<string, unknown> = {}
  const built = new Map<string, { id?: AnyColumn }>()
  const usesMood = spec.tables.some((t) => t.columns.some((c) => c.kind === 'mood'))
  if (usesMood) objects.mood = mood
  const types = userTypes(spec, mood)
  // Declared whether or not a column uses them: a type may exist on its own.
  if (types.label !== undefined) objects.label = types.label
  if (types.place !== undefined) objects.place = types.place
  for (const t of spec.tables) {
    const columns: Record<string, AnyColumn> = {}
    if (t.key === 'integer') columns.id = integer('id').primaryKey()
    if (t.key === 'serial') columns.id = serial('id').primaryKey()
    if (t.key === 'identity') columns.id = integer('id').primaryKey().generatedByDefaultAsIdentity()
    t.columns.forEach((c, i) => {
      columns[`c${i}`] = column(c, mood, spec.mood, types)
    })
    const target = t.referencesTable
    const targetSpec = spec.tables.find((s) => s.name === target)
    if (target !== null && targetSpec !== undefined && targetSpec.key !== 'none') {
      columns.refId = integer('ref_id').references((): AnyColumn => built.get(target)!.id!, {
        onDelete: 'cascade',
      })
    }
    const extras = (cols: Record<string, AnyColumn>) => [
      ...(t.comment === null ? [] : [comment(t.comment)]),
      ...(t.rowLevelSecurity.enabled ? [enableRowLevelSecurity()] : []),
      ...(t.rowLevelSecurity.forced ? [forceRowLevelSecurity()] : []),
      ...(t.policy === null
        ? []
        : [policy('p', { as: t.policy.as, for: t.policy.for, using: sql.raw(t.policy.using) })]),
      ...(t.indexed.length === 0 ? [] : [index().on(...t.indexed.map((i) => cols[`c${i}`]!))]),
    ]
    const made = t.inAppSchema ? app.table(t.name, columns, extras) : table(t.name, columns, extras)
    built.set(t.name, made as unknown as { id?: AnyColumn })
    objects[t.name] = made
    if (t.inAppSchema) objects.app = app
  }
  Object.assign(objects, routines(spec, objects))
  return objects
}

function routines(spec: SchemaSpec, objects: Record<string, unknown>): Record<string, unknown> {
  const r = spec.routines
  const found: Record<string, unknown> = {}
  if (r.extension) found.trgm = extension('pg_trgm')
  if (r.calc !== null) {
    found.calc = pgFunction(
      sql.raw(
        `CREATE OR REPLACE FUNCTION public.calc(integer)\n RETURNS ${r.calc.returns}\n LANGUAGE sql\n IMMUTABLE\nAS $function$${r.calc.body}$function$`,
      ),
      { comment: r.calc.comment ?? undefined },
    )
  }
  if (r.touch === null) return found
  found.touch = pgFunction(
    sql.raw(
      `CREATE OR REPLACE FUNCTION public.touch()\n RETURNS trigger\n LANGUAGE plpgsql\nAS $function$${r.touch.body}$function$`,
    ),
    { comment: r.touch.comment ?? undefined },
  )
  const first = spec.tables[0]
  if (r.trigger === null || first === undefined) return found
  const on = `${first.inAppSchema ? 'app' : 'public'}.${first.name}`
  found.touchTrigger = trigger(
    objects[first.name] as AnyTable,
    sql.raw(
      `CREATE TRIGGER t_touch ${r.trigger.timing} ${r.trigger.event} ON ${on} FOR EACH ROW EXECUTE FUNCTION public.touch()`,
    ),
    { enabled: r.trigger.enabled, comment: r.trigger.comment ?? undefined },
  )
  return found
}
