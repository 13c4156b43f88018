import type { Queryable } from '../../database/database.js'
import {
  commentOnDefinedObject,
  createDefinedObject,
  definedObjectTarget,
  dropDefinedObject,
  setTriggerState,
} from '../../dialects/pg/ddl/index.js'
import { declaredAt } from '../../dialects/pg/to-model/index.js'
import { definedObjectKey } from '../../diff/defined-objects.js'
import { DatabaseError, TidemarkError } from '../../errors.js'
import type { DefinedObjectKind, DefinedObjectModel } from '../../model/types.js'
import { sql } from '../../sql/sql.js'
import type { ShadowDatabase } from '../replay/shadow.js'

/**
 * The kinds the schema DSL declares. For them the code is the whole truth: generate creates,
 * replaces and drops them to match it. Other kinds (aggregates, range types, rules, casts, publications, statistics) stay as the
 * migrations made them.
 */
export const DECLARED_KINDS: ReadonlySet<DefinedObjectKind> = new Set([
  'extension',
  'function',
  'procedure',
  'trigger',
])

export const isDeclaredKind = (o: DefinedObjectModel): boolean => DECLARED_KINDS.has(o.kind)

/**
 * Loads the extensions, routines and triggers a schema declares into a shadow database that holds
 * `loaded` (the history's objects), around `loadTypes` (new types) and `loadTables` (the rest of
 * the schema): extensions before the types, routines before the tables (defaults and checks may
 * call them), triggers after them, then the drops of the history's objects the schema no longer
 * declares, and last `dropSchemas`. Returns each declared object by the key PostgreSQL's reading of
 * it has (`touch(int)` is read back as `touch(integer)`), so the migration can carry the statement
 * as written.
 *
 * Each failure names the object, where it was declared, and PostgreSQL's own message.
 */
export async function loadDeclared(
  shadow: ShadowDatabase,
  loaded: readonly DefinedObjectModel[],
  declared: readonly DefinedObjectModel[],
  loadTypes: () => Promise<void>,
  loadTables: () => Promise<void>,
  dropSchemas: () => Promise<void>,
  restoreDependents: () => Promise<void>,
): Promise<Map<string, DefinedObjectModel>> {
  const db = shadow.db
  const byKey = new Map<string, DefinedObjectModel>()
  const of = (kind: DefinedObjectKind) => declared.filter((o) => o.kind === kind)

  for (const x of of('extension')) {
    await run(db, x.definition, x, 'cannot be created')
    byKey.set(definedObjectKey(x), x)
  }
  // New enums, domains and composite types, after the extensions they may be over and before the
  // routines that may take them.
  await loadTypes()
  // The history's triggers go first: the declared ones are created again after the tables, and a
  // routine being replaced may be one they execute.
  for (const t of loaded.filter((o) => o.kind === 'trigger'))
    await run(db, dropDefinedObject(t), t, 'cannot be dropped')

  const routines = [...of('function'), ...of('procedure')]
  const deferred: DefinedObjectModel[] = []
  let cascaded = false
  const onCascade = (): void => {
    cascaded = true
  }
  for (const routine of routines) {
    const name = await createRoutine(db, routine, loaded, false, onCascade)
    if (name === undefined) deferred.push(routine)
    else byKey.set(definedObjectKey({ ...routine, name }), routine)
  }

  // A routine that waits for the tables (it names a type they bring) may replace one of the
  // history's that holds the row type of a table the schema drops, which would block that drop:
  // the history's routines of its name go now, as the migration drops them before tables change.
  for (const routine of deferred) {
    for (const old of loaded) {
      if (old.kind !== routine.kind || old.schema !== routine.schema) continue
      if (baseName(old.name) !== baseName(routine.name)) continue
      const target = definedObjectTarget(old).replace(/^(\w+) /, '$1 IF EXISTS ')
      await run(db, `DROP ${target} CASCADE`, old, 'cannot be dropped')
      onCascade()
    }
  }
  await loadTables()

  // Bodies in the standard SQL form are parsed at creation and may read tables: created now. Every
  // other body is checked now that the tables exist, as PostgreSQL checks them on a real database.
  for (const routine of deferred) {
    const name = (await createRoutine(db, routine, loaded, true, onCascade))!
    byKey.set(definedObjectKey({ ...routine, name }), routine)
  }
  for (const routine of routines)
    if (!deferred.includes(routine)) await createRoutine(db, routine, loaded, true, onCascade)
  // Views, policies, defaults and checks a replaced routine took with it come back as declared.
  if (cascaded) await restoreDependents()

  for (const t of of('trigger')) {
    await run(db, t.definition, t, 'cannot be created')
    if (t.enabled !== null && t.enabled !== 'origin')
      await run(db, setTriggerState(t, t.enabled), t, 'cannot be set')
    byKey.set(definedObjectKey(t), t)
  }
  // Every comment, none included: CREATE OR REPLACE keeps the comment the history's routine had.
  for (const [key, o] of byKey) {
    if (o.kind === 'extension') continue
    const canonical = { ...o, name: key.split('\u0000')[3]! }
    await run(db, commentOnDefinedObject(canonical, o.comment), o, 'cannot take its comment')
  }

  // What the history has and the schema no longer declares. A drop PostgreSQL refuses means
  // something the schema keeps still uses it.
  const kept = new Set(byKey.keys())
  const declaredExtensions = new Set(of('extension').map((x) => x.name))
  for (const o of [...loaded].reverse()) {
    if (!isDeclaredKind(o) || o.kind === 'trigger' || kept.has(definedObjectKey(o))) continue
    if (o.kind === 'extension' && declaredExtensions.has(o.name)) continue
    await run(
      db,
      dropDefinedObject(o),
      o,
      'is in the migrations but not in the schema, and cannot be dropped',
    )
  }
  await dropSchemas()
  return byKey
}

/**
 * Creates or replaces a routine and returns its name as PostgreSQL reads it back (`f(integer)`),
 * found as the pg_proc row this transaction wrote. Bodies are not checked unless `checked` (tables
 * may not exist yet); undefined when a standard SQL body needs tables that are not there yet.
 */
async function createRoutine(
  db: Queryable,
  routine: DefinedObjectModel,
  loaded: readonly DefinedObjectModel[],
  checked: boolean,
  onCascade: () => void,
): Promise<string | undefined> {
  const statement = createDefinedObject({ ...routine, comment: null })[0]!
  const attempt = (before?: string) =>
    db.transaction(async (tx) => {
      await tx.execute(sql.raw(`SET LOCAL check_function_bodies = ${checked ? 'on' : 'off'}`))
      if (before !== undefined) await tx.execute(sql.raw(before))
      await tx.execute(sql.raw(statement))
      // Types are named as introspection names them: schema-qualified unless built in.
      await tx.execute(sql.raw(`SET LOCAL search_path = ''`))
      const { rows } = await tx.execute<{ name: string; args: string }>(sql`
        select p.proname::text as name, coalesce((select string_agg(format_type(u.type, null), ', ' order by u.ord)
          from unnest(p.proargtypes::oid[]) with ordinality u(type, ord)), '') as args
        from pg_proc p where p.xmin = pg_current_xact_id()::xid`)
      if (rows.length !== 1)
        throw new TidemarkError(`${label(routine)}: expected one CREATE statement for one routine`)
      return `${rows[0]!.name}(${rows[0]!.args})`
    })
  try {
    return await attempt()
  } catch (error) {
    const code = error instanceof DatabaseError ? error.code : undefined
    if (!checked && code !== undefined && NEEDS_TABLES.has(code)) return undefined
    if (code !== INVALID_FUNCTION_DEFINITION) throw failure(routine, 'does not load', error)
    // CREATE OR REPLACE cannot change the result or the argument names: the migrations' routine of
    // that name is dropped first, trying each overload in turn (each try is its own transaction).
    // What calls it goes with it here, and is put back by the caller; the migration itself takes
    // those down and puts them back one by one.
    const name = baseName(routine.name)
    for (const candidate of loaded) {
      if (candidate.kind !== routine.kind || candidate.schema !== routine.schema) continue
      if (!candidate.name.startsWith(`${name}(`)) continue
      try {
        const name = await attempt(`${dropDefinedObject(candidate)} CASCADE`)
        onCascade()
        return name
      } catch {
        // Not this overload, or something still uses it; the original error is reported below.
      }
    }
    throw failure(routine, 'does not load', error)
  }
}

const baseName = (name: string): string => name.slice(0, name.indexOf('('))

/** undefined_table, undefined_column, undefined_function, undefined_object: a body reading what comes later. */
const NEEDS_TABLES = new Set(['42P01', '42703', '42883', '42704'])
const INVALID_FUNCTION_DEFINITION = '42P13'

async function run(
  db: Queryable,
  statement: string,
  object: DefinedObjectModel,
  what: string,
): Promise<void> {
  try {
    await db.execute(sql.raw(statement))
  } catch (error) {
    throw failure(object, what, error)
  }
}

function failure(object: DefinedObjectModel, what: string, error: unknown): TidemarkError {
  const where = declaredAt.get(object)
  const message = (error as Error).message
  return new TidemarkError(
    `${label(object)} ${what}: ${message}${where === undefined ? '' : ` (declared at ${where})`}`,
    {
      cause: error,
    },
  )
}

function label(object: DefinedObjectModel): string {
  if (object.kind === 'extension') return `extension ${object.name}`
  if (object.table !== null) return `${object.kind} ${object.name} on ${object.schema}.${object.table}`
  return `${object.kind} ${object.schema}.${object.name}`
}
