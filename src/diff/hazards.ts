import type { ColumnModel, OtherObjectModel } from '../model/types.js'
import { assertNever } from '../util/assert-never.js'
import type { ChangeBody, Hazard } from './changes.js'
import { granteeLabel, grantText } from './describe.js'
import { deepEqual } from './equal.js'
import { tableLabel } from './renames.js'
import { classifyTypeChange } from './type-change.js'

/**
 * Functions PostgreSQL treats as volatile that commonly appear in defaults: adding a column whose
 * default calls one rewrites the table (each row gets its own value). A default that calls a stable
 * function such as now() is evaluated once and stored in the catalog instead.
 */
const VOLATILE_CALLS =
  /\b(nextval|random|gen_random_uuid|uuid_generate_v\d\w*|clock_timestamp|timeofday|txid_current|setseed)\s*\(/i

function addsRewrite(column: ColumnModel): boolean {
  if (column.identity !== null || column.generated !== null) return true
  return column.default !== null && VOLATILE_CALLS.test(column.default)
}

/**
 * What can go wrong when a change runs. `existingTables` holds `schema.name` of the tables that exist
 * before the plan runs, `keptViews` the views there before that the plan does not rebuild: building an
 * index on a table or materialized view created in the same migration locks nothing anyone waits for.
 */
export function hazardsOf(
  change: ChangeBody,
  existingTables: ReadonlySet<string>,
  keptViews: ReadonlySet<string> = new Set(),
): Hazard[] {
  const existing = (t: { schema: string; name: string }): boolean =>
    existingTables.has(`${t.schema}.${t.name}`)
  switch (change.kind) {
    case 'drop-table':
      return [hazard('data-loss', `drops table ${label(change.table)} and all its rows`)]
    case 'drop-column':
      return [hazard('data-loss', `drops column ${label(change.table)}.${change.column.name} and its values`)]
    case 'drop-sequence':
      return [hazard('data-loss', `drops sequence ${label(change.sequence)} and its current value`)]
    case 'rename-table':
      return [hazard('breaking', `renames table ${tableLabel(change.schema, change.from)} to ${change.to}`)]
    case 'rename-column':
      return [hazard('breaking', `renames column ${label(change.table)}.${change.from} to ${change.to}`)]
    case 'drop-view':
      return []
    case 'add-column':
      return existing(change.table) && addsRewrite(change.column)
        ? [hazard('table-rewrite', `adding ${label(change.table)}.${change.column.name} rewrites the table`)]
        : []
    case 'alter-column-type': {
      const kind = classifyTypeChange(change.from, change.to)
      const column = `${label(change.table)}.${change.to.name}`
      const types = `${change.from.type} to ${change.to.type}`
      if (kind === 'in-place') return []
      const rewrite = hazard('table-rewrite', `changing ${column} from ${types} rewrites the table`)
      if (kind === 'widening') return [rewrite]
      return [rewrite, hazard('data-loss', `${column} from ${types}: values that do not fit fail or change`)]
    }
    case 'set-column-not-null':
      return change.notNull && existing(change.table)
        ? [
            hazard(
              'long-lock',
              `SET NOT NULL on ${label(change.table)}.${change.column} scans the table under lock`,
            ),
          ]
        : []
    case 'add-identity':
      return [
        hazard('long-lock', `adding identity to ${label(change.table)}.${change.column} locks the table`),
      ]
    case 'drop-generated':
      return []
    case 'set-unlogged':
      return existing(change.table)
        ? [
            hazard(
              'table-rewrite',
              `making ${label(change.table)} ${change.unlogged ? 'unlogged' : 'logged'} rewrites the table`,
            ),
          ]
        : []
    case 'replace-enum': {
      const removed = change.from.values.filter((v) => !change.to.values.includes(v))
      if (removed.length === 0) return []
      const labels = removed.map((v) => `'${v}'`).join(', ')
      return [
        hazard(
          'data-loss',
          `removes ${labels} from enum ${label(change.from)}: rows that hold them make the migration fail`,
        ),
      ]
    }
    case 'move-enum-columns': {
      if (change.columns.length === 0) return []
      const tables = [...new Set(change.columns.map((c) => label(c.table)))].join(', ')
      return [hazard('table-rewrite', `moving to the new enum ${label(change.enum)} rewrites ${tables}`)]
    }
    case 'add-domain-check':
      return change.inUse && change.validated
        ? [
            hazard(
              'long-lock',
              `adding check ${change.check.name} to domain ${label(change.domain)} scans every column that uses it under lock`,
            ),
          ]
        : []
    case 'set-domain-not-null':
      return change.notNull && change.inUse
        ? [
            hazard(
              'long-lock',
              `SET NOT NULL on domain ${label(change.domain)} scans every column that uses it under lock`,
            ),
          ]
        : []
    case 'replace-domain':
    case 'replace-composite-type':
      return typeRebuildHazards(change)
    case 'drop-composite-attribute':
      return [
        hazard(
          'data-loss',
          `drops attribute ${change.attribute.name} of composite type ${label(change.type)} and its values`,
        ),
      ]
    case 'create-index':
      return existing(change.table)
        ? [hazard('long-lock', `building index ${change.index.name} blocks writes to ${label(change.table)}`)]
        : []
    case 'create-view-index':
      return keptViews.has(`${change.view.schema}.${change.view.name}`)
        ? [
            hazard(
              'long-lock',
              `building index ${change.index.name} blocks refreshes of materialized view ${label(change.view)}`,
            ),
          ]
        : []
    case 'drop-view-index':
      return []
    case 'add-primary-key':
    case 'add-unique':
      return existing(change.table)
        ? [hazard('long-lock', `building the index for a key blocks writes to ${label(change.table)}`)]
        : []
    case 'add-check':
      return existing(change.table)
        ? [hazard('long-lock', `adding check ${change.check.name} scans ${label(change.table)} under lock`)]
        : []
    case 'add-foreign-key':
      return existing(change.table)
        ? [
            hazard(
              'long-lock',
              `validating foreign key ${change.foreignKey.name} scans ${label(change.table)} under lock`,
            ),
          ]
        : []
    case 'attach-partition':
      return existing(change.table)
        ? [
            hazard(
              'long-lock',
              `attaching ${label(change.table)} to ${tableLabel(change.partitionOf.schema, change.partitionOf.table)} scans it under lock to check its bound`,
            ),
          ]
        : []
    case 'detach-partition':
      return change.reattached
        ? []
        : [
            hazard(
              'breaking',
              `detaches ${label(change.table)} from ${tableLabel(change.partitionOf.schema, change.partitionOf.table)}: its rows are no longer read through it`,
            ),
          ]
    case 'drop-policy': {
      if (change.recreated) return []
      const what = `drops policy ${change.policy.name} on ${label(change.table)}`
      return [
        hazard(
          'security',
          change.policy.permissive
            ? `${what}: the rows it let through are no longer reachable through it`
            : `${what}: the rows it held back become reachable through the other policies`,
        ),
      ]
    }
    case 'drop-other':
      return otherDropHazards(change.object, change.recreated)
    case 'set-trigger-state':
      return change.to === 'disabled' || change.to === 'replica'
        ? [
            hazard(
              'breaking',
              `stops trigger ${change.object.name} on ${change.object.table} from firing in normal sessions`,
            ),
          ]
        : []
    case 'set-row-level-security':
      if (change.to) return []
      return [
        hazard(
          'security',
          change.flag === 'enabled'
            ? `disables row-level security on ${label(change.table)}: its policies no longer apply, every role with table privileges reaches every row`
            : `stops forcing row-level security on ${label(change.table)}: its owner is no longer bound by its policies`,
        ),
      ]
    case 'grant':
      return change.grantee === 'public'
        ? [hazard('security', `grants ${grantText(change)} to PUBLIC: every role gets it`)]
        : []
    case 'revoke':
      return [
        hazard(
          'breaking',
          change.grantOptionOnly
            ? `revokes the grant option for ${grantText(change)} from ${granteeLabel(change.grantee)}: the grants it made go too`
            : `revokes ${grantText(change)} from ${granteeLabel(change.grantee)}: what runs as that role and uses it fails`,
        ),
      ]
    // No hazard is known for these: they create, comment, or change what running queries do not
    // depend on, and a type or key dropped here goes only after what used it (whose change carries one).
    case 'create-schema':
    case 'drop-schema':
    case 'create-other':
    case 'set-other-comment':
    case 'create-enum':
    case 'drop-enum':
    case 'add-enum-value':
    case 'set-enum-comment':
    case 'create-domain':
    case 'drop-domain':
    case 'set-domain-default':
    case 'drop-domain-check':
    case 'set-domain-comment':
    case 'detach-type':
    case 'create-composite-type':
    case 'drop-composite-type':
    case 'add-composite-attribute':
    case 'alter-composite-attribute':
    case 'set-composite-type-comment':
    case 'create-sequence':
    case 'alter-sequence':
    case 'rename-sequence':
    case 'set-sequence-owner':
    case 'create-table':
    case 'set-column-default':
    case 'drop-identity':
    case 'alter-identity':
    case 'drop-primary-key':
    case 'drop-unique':
    case 'drop-check':
    case 'drop-foreign-key':
    case 'rename-constraint':
    case 'drop-index':
    case 'rename-index':
    case 'create-view':
    case 'create-policy':
    case 'alter-policy':
    case 'set-table-comment':
    case 'set-column-comment':
    case 'set-view-comment':
    case 'set-replica-identity':
    case 'set-storage-parameters':
      return []
    default:
      return assertNever(change)
  }
}

/**
 * A routine dropped for good breaks whatever still calls it (the application, other functions);
 * one dropped and created again gets its grants back from the same plan, an aggregate (whose grants
 * the model does not hold) loses them. An extension takes its types and functions with it.
 */
function otherDropHazards(object: OtherObjectModel, recreated: boolean): Hazard[] {
  const name = `${object.kind} ${tableLabel(object.schema, object.name)}`
  switch (object.kind) {
    case 'function':
    case 'procedure':
    case 'aggregate':
      return [
        recreated
          ? hazard(
              'breaking',
              `drops ${name} and creates it again (its result or arguments change)${object.kind === 'aggregate' ? ': grants on it are lost' : ', with its grants'}`,
            )
          : hazard('breaking', `drops ${name}: whatever still calls it fails`),
      ]
    case 'extension':
      return recreated
        ? []
        : [hazard('breaking', `drops extension ${object.name}: whatever uses its types or functions fails`)]
    // A trigger or rule goes with no caller to break; a range type cannot go while a column uses it.
    case 'range type':
    case 'trigger':
    case 'rule':
      return []
    default:
      return assertNever(object.kind)
  }
}

const label = (ref: { schema: string; name: string }): string => tableLabel(ref.schema, ref.name)

/** The columns of a rebuilt type are moved off it and back: tables are rewritten, values converted. */
function typeRebuildHazards(
  change: Extract<ChangeBody, { kind: 'replace-domain' | 'replace-composite-type' }>,
): Hazard[] {
  const what =
    change.kind === 'replace-domain' ? `domain ${label(change.to)}` : `composite type ${label(change.to)}`
  if (change.columns.length === 0) return []
  const tables = [...new Set(change.columns.map((c) => label(c.table)))].join(', ')
  const hazards = [hazard('table-rewrite', `rebuilding ${what} moves its columns and rewrites ${tables}`)]
  if (change.kind === 'replace-domain') {
    const column = (type: string) => ({
      name: '',
      type,
      dimensions: 0,
      notNull: false,
      default: null,
      identity: null,
      generated: null,
      collation: null,
      comment: null,
    })
    const kind = classifyTypeChange(column(change.from.type), column(change.to.type))
    if (kind === 'narrowing' || change.from.collation !== change.to.collation) {
      hazards.push(
        hazard(
          'data-loss',
          `${what} from ${change.from.type} to ${change.to.type}: values that do not fit fail or change`,
        ),
      )
    }
  } else if (!deepEqual(change.from.attributes, change.to.attributes)) {
    hazards.push(
      hazard(
        'data-loss',
        `the values of ${what} are carried over through their text form, attribute by position: a removed, reordered or narrowed attribute fails or changes them`,
      ),
    )
  }
  return hazards
}

function hazard(kind: Hazard['kind'], message: string): Hazard {
  return { kind, message }
}
