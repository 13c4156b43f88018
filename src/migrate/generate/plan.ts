import { renderChanges, renderCreate } from '../../dialects/pg/ddl/index.js'
import { quoteIdent } from '../../dialects/pg/grammar/index.js'
import { introspect } from '../../dialects/pg/introspect/index.js'
import type { Change, ChangeBody } from '../../diff/changes.js'
import { diff } from '../../diff/diff.js'
import { planGrants } from '../../diff/grants.js'
import { ownersAfterRenames } from '../../diff/owners.js'
import {
  type ColumnRename,
  findRenameCandidates,
  invertRenames,
  NO_RENAMES,
  type RenameCandidate,
  type Renames,
  type TableRename,
} from '../../diff/renames.js'
import { TidemarkError } from '../../errors.js'
import { byKindSchemaTableName } from '../../model/defined-object-order.js'
import { emptyModel } from '../../model/empty-model.js'
import { keptOwners, withOwners } from '../../model/owners.js'
import type { DefinedObjectModel, SchemaModel } from '../../model/types.js'
import type { MigrationFolder } from '../folder/migration-folder.js'
import {
  cacheVersions,
  historyCacheFile,
  readCachedModel,
  writeCachedModel,
} from '../replay/history-cache.js'
import { replayMigrations, runScriptOrStatements } from '../replay/replay-migrations.js'
import { openShadow, type ShadowDatabase, type ShadowOptions, shadowExtensions } from '../replay/shadow.js'
import { provideRoles, rolesOfModel } from '../replay/shadow-roles.js'
import type { JournalOptions } from '../runner/journal.js'
import { withAuthoredExpressions } from './authored.js'
import { ExpressionCache } from './expression-cache.js'
import { isDeclaredKind, loadDeclared } from './load-declared.js'
import { SCHEMA_DRAFT, schemaLoadError } from './schema-load-error.js'
import { wantedGrants } from './wanted-grants.js'

/** How the author settled the rename candidates so far. */
export interface RenameDecisions {
  readonly renames: Renames
  /** Labels (`users`, `users.name`) confirmed as dropped, not renamed. */
  readonly dropped: ReadonlySet<string>
}

/**
 * Asked while candidates remain; returns decisions for some or all of them (it is asked again for
 * what is left, and for column candidates inside tables it decided to rename). Throw to stop.
 */
export type RenameResolver = (
  candidates: readonly RenameCandidate[],
  decided: RenameDecisions,
) => Promise<RenameDecisions>

/**
 * Where the plan starts: the folder's history (replayed, or its cached reading), or a model known
 * without a replay (a live database read for `push`).
 */
export type PlanStart =
  | { readonly folder: MigrationFolder; readonly current?: undefined }
  | { readonly current: SchemaModel; readonly folder?: undefined }

export type PlanMigrationOptions = PlanStart & PlanSettings

interface PlanSettings {
  /** The schema as the code declares it (`toModel`). */
  readonly desired: SchemaModel
  readonly shadow?: ShadowOptions
  /** The migration journal, left out of every comparison. */
  readonly journal: JournalOptions
  readonly resolveRenames: RenameResolver
  /**
   * The defaults the schema writes as SQL (`schema.table.column`), as opposed to values. Given, the
   * expressions PostgreSQL rewrote before are remembered, and a schema whose expressions are all
   * known needs no shadow database at all.
   */
  readonly authoredDefaults?: ReadonlySet<string>
}

export interface MigrationPlan {
  readonly up: readonly Change[]
  readonly down: readonly Change[]
  readonly renames: Renames
  /** What the migrations build today, read back from the shadow database. */
  readonly current: SchemaModel
  /** The desired schema, read back from the shadow database after loading it. */
  readonly target: SchemaModel
  /** Whether the history was replayed, or its model came from the cache of an earlier run. */
  readonly history: 'replayed' | 'cached'
  /** Whether a shadow database was needed to read the schema's expressions. */
  readonly shadow: boolean
}

/**
 * The next migration: replays the history into a shadow database and reads what it builds; loads
 * the desired schema on top of it and reads that back too, so both sides are in PostgreSQL's own
 * printed form (no false differences from how an expression was typed); settles rename candidates;
 * and diffs both ways.
 */
export async function planMigration(options: PlanMigrationOptions): Promise<MigrationPlan> {
  const exclude = [{ schema: options.journal.schema, table: options.journal.table }]
  const sides = await readBothSides(options, exclude)
  const { current, desired, history, shadow } = sides
  const decisions = await settleRenames(current, sides.target, options.resolveRenames)
  // Schema code declares no owners: what the history (or the live database) has stays as it is,
  // renamed tables included, and an object the plan rebuilds gets its owner back. (Not as read
  // back: the shadow's own role may be an owner there too, which reads as the migrations' role.)
  const owners = ownersAfterRenames(current.owners ?? [], decisions.renames)
  const target = withOwners(sides.target, keptOwners({ owners }, sides.target))
  const up = withAuthoredExpressions(
    diff(current, target, { renames: decisions.renames }),
    desired,
    sides.authored,
  )
  const down = diff(target, current, { renames: invertRenames(decisions.renames) })
  return { up, down, renames: decisions.renames, current, target, history, shadow }
}

interface Sides {
  readonly current: SchemaModel
  readonly target: SchemaModel
  /** The schema as declared, with the objects and schemas the DSL does not manage kept from history. */
  readonly desired: SchemaModel
  readonly history: 'replayed' | 'cached'
  readonly shadow: boolean
  /** The declared extensions, routines and triggers by the key of their reading, as written. */
  readonly authored: ReadonlyMap<string, DefinedObjectModel>
}

/**
 * Both sides as PostgreSQL reads them back. With the history's model cached, the shadow starts
 * empty but for what expressions may use; if anything about that fails, the history is replayed
 * on a fresh shadow instead, so the cache can only make generate faster, never wrong.
 */
async function readBothSides(
  options: PlanMigrationOptions,
  exclude: { schema: string; table: string }[],
): Promise<Sides> {
  const cacheDir = options.shadow?.url === undefined ? options.shadow?.cacheDir : undefined
  const cacheFile =
    cacheDir === undefined || options.current !== undefined
      ? undefined
      : await historyCacheFile(cacheDir, options.folder, exclude)
  const cached = options.current ?? (cacheFile === undefined ? undefined : await readCachedModel(cacheFile))
  const expressions =
    cacheDir === undefined || options.authoredDefaults === undefined
      ? undefined
      : await ExpressionCache.open(cacheDir, await cacheVersions())
  const learn = async (sides: Sides): Promise<Sides> => {
    if (expressions !== undefined && options.authoredDefaults !== undefined) {
      expressions.learn(sides.desired, sides.target, options.authoredDefaults, environmentOf(sides.current))
      await expressions.save()
    }
    return sides
  }
  if (cached !== undefined) {
    const desired = desiredFor(options.desired, cached)
    // Declared routines and triggers are read back by PostgreSQL itself, never from the cache.
    const known =
      expressions === undefined ||
      options.authoredDefaults === undefined ||
      desired.definedObjects.some(isDeclaredKind)
        ? undefined
        : expressions.canonical(desired, options.authoredDefaults, environmentOf(cached))
    if (known !== undefined) {
      const target = targetFrom(known, cached)
      return {
        current: cached,
        target: { ...target, grants: wantedGrants(desired, cached, target, new Map()) },
        desired,
        history: 'cached',
        shadow: false,
        authored: new Map(),
      }
    }
    const shadow = await openShadow({
      ...options.shadow,
      extensions: shadowExtensions(undefined, [cached, options.desired]),
    })
    try {
      const loaded = await loadWhatExpressionsMayUse(shadow, cached)
      const sides = await loadDesired(shadow, cached, loaded, options, exclude)
      return await learn({ ...sides, history: 'cached', shadow: true })
    } catch (error) {
      // A given current model has no history to fall back on: its error is the answer.
      if (options.current !== undefined) throw error
      // Replayed below; an error that is really the schema's shows up there again.
    } finally {
      await shadow.close()
    }
  }
  // A given current model has returned or thrown above: only a folder's history is replayed.
  if (options.folder === undefined) throw new TidemarkError('There is no migration history to replay.')
  const shadow = await openShadow({
    ...options.shadow,
    extensions: shadowExtensions(options.folder, [options.desired]),
  })
  try {
    await replayMigrations(shadow, options.folder)
    const current = await introspect(shadow.db, { exclude })
    if (cacheFile !== undefined) await writeCachedModel(cacheFile, current)
    const sides = await loadDesired(shadow, current, current, options, exclude)
    return await learn({ ...sides, history: 'replayed', shadow: true })
  } finally {
    await shadow.close()
  }
}

/**
 * Loads the declared schema into a shadow holding `loaded`, and reads it back: tables, types and
 * views through the differ's own plan, the declared extensions, routines and triggers as written.
 */
async function loadDesired(
  shadow: ShadowDatabase,
  current: SchemaModel,
  loaded: SchemaModel,
  options: PlanMigrationOptions,
  exclude: { schema: string; table: string }[],
): Promise<Omit<Sides, 'history' | 'shadow'>> {
  const desired = desiredFor(options.desired, current)
  // The history's roles too: a schema that declares no grants keeps the history's.
  await provideRoles(shadow, [...rolesOfModel(desired), ...rolesOfModel(current)])
  const declared = desired.definedObjects.filter(isDeclaredKind)
  // Grants come last, once every object is there under the name PostgreSQL reads back.
  const changes = diff(loaded, { ...desired, definedObjects: loaded.definedObjects, grants: loaded.grants })
  // New schemas come before the routines in them; schemas go after the routines in them that the
  // schema no longer declares.
  // New types too: routines may take or return them. (A domain whose check calls a declared
  // function is therefore not supported yet.)
  const schemaCreates = renderChanges(changes.filter((c) => c.kind === 'create-schema'))
  const typeCreates = renderChanges(changes.filter((c) => NEW_TYPES.has(c.kind)))
  const draft = renderChanges(
    changes.filter((c) => c.kind !== 'drop-schema' && c.kind !== 'create-schema' && !NEW_TYPES.has(c.kind)),
  )
  const schemaDrops = renderChanges(changes.filter((c) => c.kind === 'drop-schema'))
  const runDraft = async (statements: string[]): Promise<void> => {
    if (statements.length === 0) return
    // One by one outside a transaction if the script fails: a new enum label may be used in it.
    await runScriptOrStatements(shadow, SCHEMA_DRAFT, `${statements.join(';\n')};`, {
      script: true,
      transaction: false,
    }).catch((error: unknown) => {
      throw schemaLoadError(error, changes, statements)
    })
  }
  const touchesDeclaredObjects = declared.length > 0 || loaded.definedObjects.some(isDeclaredKind)
  if (touchesDeclaredObjects) await runDraft(schemaCreates)
  const authored = touchesDeclaredObjects
    ? await loadDeclared(
        shadow,
        loaded.definedObjects,
        declared,
        () => runDraft(typeCreates),
        () => runDraft(draft),
        () => runDraft(schemaDrops),
        async () => {
          const read = await introspect(shadow.db, { exclude })
          await runDraft(
            renderChanges(
              diff(read, { ...desired, definedObjects: read.definedObjects, grants: read.grants }),
            ),
          )
        },
      )
    : new Map<string, DefinedObjectModel>()
  if (!touchesDeclaredObjects) await runDraft([...schemaCreates, ...typeCreates, ...draft, ...schemaDrops])
  const ran = schemaCreates.length + typeCreates.length + draft.length + schemaDrops.length
  // Nothing loaded means the shadow already reads back as the schema: no second read needed.
  const loadedRead = ran === 0 && !touchesDeclaredObjects ? loaded : await introspect(shadow.db, { exclude })
  const grants = wantedGrants(desired, current, loadedRead, authored)
  const grantChanges = planGrants(loadedRead, { ...loadedRead, grants }, NO_RENAMES, new Set())
  await runDraft(renderChanges(grantChanges))
  const read = grantChanges.length === 0 ? loadedRead : await introspect(shadow.db, { exclude })
  return { current, target: targetFrom(read, current), desired, authored }
}

const NEW_TYPES: ReadonlySet<ChangeBody['kind']> = new Set([
  'create-enum',
  'create-domain',
  'create-composite-type',
])

/**
 * The schema as declared, plus the objects of kinds the DSL does not declare (aggregates, range
 * types, rules) as the history created them, with the schemas that hold them.
 */
function desiredFor(declared: SchemaModel, current: SchemaModel): SchemaModel {
  const kept = current.definedObjects.filter((o) => !isDeclaredKind(o))
  return {
    ...declared,
    schemas: [...new Set([...declared.schemas, ...schemasOf(kept)])].sort(),
    definedObjects: [...declared.definedObjects, ...kept],
  }
}

/**
 * The schema read back: declared kinds as the shadow holds them, the other kinds as the history
 * has them, less those on tables the schema drops.
 */
function targetFrom(read: SchemaModel, current: SchemaModel): SchemaModel {
  const tables = new Set(read.tables.map((t) => `${t.schema}.${t.name}`))
  const kept = current.definedObjects.filter(
    (o) => !isDeclaredKind(o) && (o.table === null || tables.has(`${o.schema}.${o.table}`)),
  )
  return {
    ...read,
    definedObjects: [...read.definedObjects.filter(isDeclaredKind), ...kept].sort(byKindSchemaTableName),
  }
}

/** What an expression's rewrite may depend on besides its table: the objects expressions may use. */
function environmentOf(current: SchemaModel): string {
  return JSON.stringify(
    current.definedObjects.filter((o) => USABLE_KINDS.has(o.kind)).map((o) => o.definition),
  )
}

/** Kinds that defaults, checks, generated columns and index expressions may call or use. */
const USABLE_KINDS = new Set(['extension', 'range type', 'function', 'aggregate', 'cast'])

const schemasOf = (objects: readonly DefinedObjectModel[]): string[] =>
  objects.map((o) => o.schema).filter((schema) => schema !== 'public')

/**
 * When the history's model comes from the cache, the shadow starts empty: it gets only what the
 * schema's expressions may refer to (extensions, enums, domains and other types, functions, with
 * their schemas), which is all PostgreSQL needs to read them the way it would on top of the
 * replayed history.
 */
async function loadWhatExpressionsMayUse(shadow: ShadowDatabase, current: SchemaModel): Promise<SchemaModel> {
  const usable = current.definedObjects.filter((o) => USABLE_KINDS.has(o.kind))
  // Routines may take or return enums, domains and composite types: those come first.
  const types = { enums: current.enums, domains: current.domains, compositeTypes: current.compositeTypes }
  const typeSchemas = [...types.enums, ...types.domains, ...types.compositeTypes].map((t) => t.schema)
  const schemas = [...new Set([...schemasOf(usable), ...typeSchemas.filter((s) => s !== 'public')])].sort()
  const statements = [
    // As pg_dump does: function bodies may name tables that do not exist here.
    'SET check_function_bodies = off',
    ...schemas.map((schema) => `CREATE SCHEMA ${quoteIdent(schema)}`),
    // Extensions first (a type may be over one of theirs), aggregates and casts after the routines
    // they call.
    ...usable.filter((o) => o.kind === 'extension').map((o) => o.definition),
    ...renderCreate({ ...emptyModel, ...types }),
    ...usable.filter((o) => !['extension', 'aggregate', 'cast'].includes(o.kind)).map((o) => o.definition),
    ...usable.filter((o) => o.kind === 'aggregate').map((o) => o.definition),
    ...usable.filter((o) => o.kind === 'cast').map((o) => o.definition),
  ]
  if (statements.length > 1) await shadow.runScript(`${statements.join(';\n')};`)
  return { ...emptyModel, schemas, ...types, definedObjects: usable }
}

export async function settleRenames(
  current: SchemaModel,
  target: SchemaModel,
  resolve: RenameResolver,
): Promise<RenameDecisions> {
  let decided: RenameDecisions = { renames: { tables: [], columns: [] }, dropped: new Set() }
  for (;;) {
    const candidates = findRenameCandidates(current, target, decided.renames, decided.dropped)
    if (candidates.length === 0) return decided
    const next = await resolve(candidates, decided)
    const progressed =
      next.renames.tables.length + next.renames.columns.length + next.dropped.size >
      decided.renames.tables.length + decided.renames.columns.length + decided.dropped.size
    if (!progressed) throw new TidemarkError('Rename candidates were left undecided.')
    decided = next
  }
}

export type { ColumnRename, RenameCandidate, TableRename }
