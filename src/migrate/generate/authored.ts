import type { Change } from '../../diff/changes.js'
import { otherKey } from '../../diff/others.js'
import type {
  ColumnModel,
  DomainModel,
  IndexModel,
  OtherObjectModel,
  SchemaModel,
  TableModel,
} from '../../model/types.js'
import { assertNever } from '../../util/assert-never.js'

/**
 * The plan is computed between two models read back from PostgreSQL, so expressions compare in
 * PostgreSQL's canonical form; the SQL written for the author keeps the expressions as they wrote
 * them in the schema. This puts the authored text back into the changes that create things.
 */
export function withAuthoredExpressions(
  changes: readonly Change[],
  authored: SchemaModel,
  others: ReadonlyMap<string, OtherObjectModel> = new Map(),
): Change[] {
  const tables = new Map(authored.tables.map((t) => [`${t.schema}.${t.name}`, t]))
  const views = new Map(authored.views.map((v) => [`${v.schema}.${v.name}`, v]))
  const domains = new Map(authored.domains.map((d) => [`${d.schema}.${d.name}`, d]))
  const domainOf = (ref: { schema: string; name: string }) => domains.get(`${ref.schema}.${ref.name}`)
  const withDefault = <
    U extends { table: { schema: string; name: string }; column: string; default: string | null },
  >(
    use: U,
  ): U => {
    const source = columnOf(tableOf(use.table), use.column)
    return use.default === null || source?.default == null ? use : { ...use, default: source.default }
  }
  const tableOf = (ref: { schema: string; name: string }) => tables.get(`${ref.schema}.${ref.name}`)
  const columnOf = (table: TableModel | undefined, name: string) =>
    table?.columns.find((c) => c.name === name)

  return changes.map((change): Change => {
    switch (change.kind) {
      case 'create-table': {
        const source = tableOf(change.table)
        if (source === undefined) return change
        return {
          ...change,
          table: {
            ...change.table,
            columns: change.table.columns.map((c) => authoredColumn(c, columnOf(source, c.name))),
            checks: change.table.checks.map((c) => ({
              ...c,
              expression: source.checks.find((s) => s.name === c.name)?.expression ?? c.expression,
            })),
          },
        }
      }
      case 'add-column':
        return {
          ...change,
          column: authoredColumn(change.column, columnOf(tableOf(change.table), change.column.name)),
        }
      case 'set-column-default': {
        if (change.default === null) return change
        const source = columnOf(tableOf(change.table), change.column)
        return source?.default == null ? change : { ...change, default: source.default }
      }
      case 'move-enum-columns':
        return {
          ...change,
          columns: change.columns.map((use) => {
            const source = columnOf(tableOf(use.table), use.column)
            return use.default === null || source?.default == null ? use : { ...use, default: source.default }
          }),
        }
      case 'create-domain':
        return { ...change, domain: authoredDomain(change.domain, domainOf(change.domain)) }
      case 'replace-domain':
        return {
          ...change,
          to: authoredDomain(change.to, domainOf(change.to)),
          columns: change.columns.map(withDefault),
        }
      case 'replace-composite-type':
        return { ...change, columns: change.columns.map(withDefault) }
      case 'set-domain-default': {
        const source = domainOf(change.domain)
        return change.to === null || source?.default == null ? change : { ...change, to: source.default }
      }
      case 'add-domain-check': {
        const source = domainOf(change.domain)?.checks.find((c) => c.name === change.check.name)
        return source === undefined ? change : { ...change, check: source }
      }
      case 'add-check': {
        const source = tableOf(change.table)?.checks.find((c) => c.name === change.check.name)
        return source === undefined
          ? change
          : { ...change, check: { ...change.check, expression: source.expression } }
      }
      case 'create-index':
        return { ...change, index: authoredIndex(change.index, tableOf(change.table)?.indexes) }
      case 'create-view-index': {
        const source = views.get(`${change.view.schema}.${change.view.name}`)
        return { ...change, index: authoredIndex(change.index, source?.indexes) }
      }
      case 'create-policy':
      case 'alter-policy': {
        const written = change.kind === 'create-policy' ? change.policy : change.to
        const source = tableOf(change.table)?.policies.find((p) => p.name === written.name)
        if (source === undefined) return change
        if (change.kind === 'create-policy') {
          return { ...change, policy: { ...written, using: source.using, withCheck: source.withCheck } }
        }
        // Only what changes takes the authored text: an equal expression must stay equal to `from`.
        const to = {
          ...written,
          using: written.using === change.from.using ? written.using : source.using,
          withCheck: written.withCheck === change.from.withCheck ? written.withCheck : source.withCheck,
        }
        return { ...change, to }
      }
      case 'create-other': {
        // The statement as written (a routine's own formatting, an extension's VERSION), with the
        // comment and state PostgreSQL read back.
        const written = others.get(otherKey(change.object))
        return written === undefined
          ? change
          : { ...change, object: { ...change.object, definition: written.definition } }
      }
      case 'create-view': {
        const source = views.get(`${change.view.schema}.${change.view.name}`)
        return source === undefined
          ? change
          : { ...change, view: { ...change.view, definition: source.definition } }
      }
      // The SQL these render holds no expression the author wrote.
      case 'create-schema':
      case 'drop-schema':
      case 'drop-other':
      case 'set-other-comment':
      case 'set-trigger-state':
      case 'create-enum':
      case 'drop-enum':
      case 'add-enum-value':
      case 'replace-enum':
      case 'create-sequence':
      case 'drop-sequence':
      case 'alter-sequence':
      case 'rename-sequence':
      case 'set-sequence-owner':
      case 'drop-table':
      case 'rename-table':
      case 'drop-column':
      case 'rename-column':
      case 'alter-column-type':
      case 'set-column-not-null':
      case 'add-identity':
      case 'drop-identity':
      case 'alter-identity':
      case 'drop-generated':
      case 'add-primary-key':
      case 'drop-primary-key':
      case 'add-unique':
      case 'drop-unique':
      case 'drop-check':
      case 'add-foreign-key':
      case 'drop-foreign-key':
      case 'rename-constraint':
      case 'drop-index':
      case 'rename-index':
      case 'drop-view':
      case 'drop-view-index':
      case 'set-table-comment':
      case 'set-column-comment':
      case 'set-view-comment':
      case 'set-storage-parameters':
      case 'set-unlogged':
      case 'set-replica-identity':
      case 'set-row-level-security':
      case 'drop-policy':
      case 'detach-partition':
      case 'attach-partition':
      case 'set-enum-comment':
      case 'grant':
      case 'revoke':
      case 'drop-domain':
      case 'set-domain-not-null':
      case 'drop-domain-check':
      case 'detach-type':
      case 'set-domain-comment':
      case 'create-composite-type':
      case 'drop-composite-type':
      case 'add-composite-attribute':
      case 'drop-composite-attribute':
      case 'alter-composite-attribute':
      case 'set-composite-type-comment':
        return change
      default:
        return assertNever(change)
    }
  })
}

/** An index read back, with its key expressions and predicate as the schema writes them. */
function authoredIndex(index: IndexModel, authored: readonly IndexModel[] | undefined): IndexModel {
  const source = authored?.find((i) => i.name === index.name)
  if (source === undefined || source.elements.length !== index.elements.length) return index
  return {
    ...index,
    where: index.where === null ? null : (source.where ?? index.where),
    elements: index.elements.map((e, i) => {
      const expression = source.elements[i]?.expression
      return e.expression === null || expression == null ? e : { ...e, expression }
    }),
  }
}

/** A domain read back, with its default and checks as the schema writes them. */
function authoredDomain(domain: DomainModel, source: DomainModel | undefined): DomainModel {
  if (source === undefined) return domain
  return {
    ...domain,
    default: domain.default === null ? null : (source.default ?? domain.default),
    checks: domain.checks.map((c) => source.checks.find((s) => s.name === c.name) ?? c),
  }
}

function authoredColumn(column: ColumnModel, source: ColumnModel | undefined): ColumnModel {
  if (source === undefined) return column
  return {
    ...column,
    default: column.default === null ? null : (source.default ?? column.default),
    generated: column.generated === null ? null : (source.generated ?? column.generated),
  }
}
