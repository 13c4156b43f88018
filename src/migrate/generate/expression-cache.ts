import { createHash, randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { objectKey as tableKey } from '../../model/object-key.js'
import type {
  ColumnModel,
  DomainModel,
  IndexModel,
  PartitionOfModel,
  SchemaModel,
  TableModel,
  ViewModel,
} from '../../model/types.js'

/**
 * PostgreSQL rewrites the expressions a schema author writes (`balance >= 0` is read back as
 * `(balance >= (0)::numeric)`), which is why generate loads the schema into a shadow database. The
 * rewrite depends only on the text, the column types around it and the functions and types that
 * exist, so each one learned from a shadow is kept here, keyed by all of those; when every authored
 * expression of a schema is known, generate needs no shadow at all.
 *
 * Literal defaults are not in it: the schema model already prints them exactly as PostgreSQL does.
 * `authoredDefaults` names (`schema.table.column`) the defaults written as SQL.
 */
export class ExpressionCache {
  private changed = false

  private constructor(
    private readonly file: string,
    private readonly entries: Record<string, string>,
  ) {}

  static async open(cacheDir: string, versions: string): Promise<ExpressionCache> {
    const file = join(cacheDir, `expressions-${versions}.json`)
    const text = await readFile(file, 'utf8').catch(() => undefined)
    let entries: Record<string, string> = {}
    try {
      if (text !== undefined) entries = JSON.parse(text) as Record<string, string>
    } catch {
      // A damaged cache is an empty one.
    }
    return new ExpressionCache(file, entries)
  }

  /**
   * The schema as PostgreSQL would read it back, from what was learned before; undefined as soon as
   * one authored expression is new.
   */
  canonical(
    desired: SchemaModel,
    authoredDefaults: ReadonlySet<string>,
    environment: string,
  ): SchemaModel | undefined {
    const walk = new Walk(desired, authoredDefaults, environment)
    const look = (key: string): string | undefined => this.entries[key]
    return walk.map(look)
  }

  /** Learns every authored expression from a schema and its read-back form. */
  learn(
    desired: SchemaModel,
    target: SchemaModel,
    authoredDefaults: ReadonlySet<string>,
    environment: string,
  ): void {
    const walk = new Walk(desired, authoredDefaults, environment)
    for (const [key, value] of walk.pairs(target)) {
      if (this.entries[key] !== value) {
        this.entries[key] = value
        this.changed = true
      }
    }
  }

  async save(): Promise<void> {
    if (!this.changed) return
    await mkdir(join(this.file, '..'), { recursive: true })
    const partial = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
    await writeFile(partial, JSON.stringify(this.entries))
    await rename(partial, this.file)
  }
}

const hash = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex')

// Neither comments nor row-level security flags change how an expression reads back.
function withoutComments({ comment: _, rowLevelSecurity: _r, columns, ...table }: TableModel): unknown {
  const bare = <T extends { comment: string | null }>({ comment: _c, ...part }: T) => part
  return {
    ...table,
    columns: columns.map(bare),
    primaryKey: table.primaryKey === null ? null : bare(table.primaryKey),
    uniques: table.uniques.map(bare),
    foreignKeys: table.foreignKeys.map(bare),
    checks: table.checks.map(bare),
    indexes: table.indexes.map(bare),
    policies: table.policies.map(bare),
  }
}

/** The slots of a schema that hold authored expressions, each with the key its rewrite depends on. */
class Walk {
  private readonly viewContext: string
  /**
   * The objects of history expressions may use, and the enums they may name. (Sequences are left
   * out so that adding a serial column keeps the cache: a default naming a sequence that no longer
   * exists is then caught by PostgreSQL when the migration runs, in its transaction, not here.)
   */
  private readonly environment: string

  constructor(
    private readonly desired: SchemaModel,
    private readonly authoredDefaults: ReadonlySet<string>,
    historyEnvironment: string,
  ) {
    // Comments change no expression's rewrite: a schema whose comments alone change needs no shadow.
    this.environment = hash([
      historyEnvironment,
      desired.enums.map(({ comment: _, ...e }) => e),
      desired.domains.map(({ comment: _, ...d }) => d),
      desired.compositeTypes.map(({ comment: _, ...t }) => t),
    ])
    // A view's text depends on everything it may read: every table, enum and other view.
    this.viewContext = hash([
      this.environment,
      desired.tables.map(withoutComments),
      desired.views.map((v) => v.definition),
    ])
  }

  private tableContext(table: TableModel): string {
    const columns = table.columns.map((c) => [c.name, c.type, c.dimensions]).sort()
    return hash([this.environment, columns])
  }

  /**
   * A policy's expression may read other tables and views (a membership subquery), so its rewrite
   * depends on all of them, as a view's does, and on the table it is on.
   */
  private policyContext(table: TableModel): string {
    return hash([this.viewContext, tableKey(table)])
  }

  /** A partition's columns are its parent's: the nearest table up its parents that lists them. */
  private columnsHolder(table: TableModel): TableModel {
    let holder = table
    for (let depth = 0; holder.partitionOf !== null && holder.columns.length === 0 && depth < 32; depth++) {
      const of: PartitionOfModel = holder.partitionOf
      const parent = this.desired.tables.find((t) => t.schema === of.schema && t.name === of.table)
      if (parent === undefined) break
      holder = parent
    }
    return holder
  }

  /** A partition key reads the table's columns. */
  private keyContext(table: TableModel): string {
    return this.tableContext(this.columnsHolder(table))
  }

  /** A bound is printed in the types of the parent's key, so it depends on that key and its columns. */
  private boundContext(table: TableModel): string {
    const of = table.partitionOf
    const parent = this.desired.tables.find((t) => t.schema === of?.schema && t.name === of?.table)
    return parent === undefined ? this.environment : hash([parent.partitionBy, this.keyContext(parent)])
  }

  private key(kind: string, context: string, text: string): string {
    return hash([kind, context, text])
  }

  /** A domain's default and checks read back by its base type, whether written as SQL or as a value. */
  private domainContext(domain: DomainModel): string {
    return hash([this.environment, domain.schema, domain.name, domain.type, domain.collation])
  }

  private columnSlots(
    table: TableModel,
    column: ColumnModel,
    context: string,
  ): [string, keyof ColumnModel][] {
    const slots: [string, keyof ColumnModel][] = []
    if (column.default !== null && this.authoredDefaults.has(`${tableKey(table)}.${column.name}`)) {
      slots.push([
        this.key('default', `${column.type}/${column.dimensions}/${this.environment}`, column.default),
        'default',
      ])
    }
    if (column.generated !== null) slots.push([this.key('generated', context, column.generated), 'generated'])
    return slots
  }

  /** A materialized view's index reads the view's columns, whose types come from its query. */
  private viewIndexContext(view: ViewModel): string {
    return hash([this.viewContext, tableKey(view), view.definition])
  }

  /** A view column's default reads back in the column's type, which comes from the view's query. */
  private viewDefaultKey(view: ViewModel, column: string, text: string): string {
    return this.key('view-default', hash([this.viewIndexContext(view), column]), text)
  }

  /** An index with its predicate and key expressions replaced through `get`. */
  private mapIndex(
    index: IndexModel,
    context: string,
    get: (key: string, fallback: string) => string,
  ): IndexModel {
    return {
      ...index,
      where: index.where === null ? null : get(this.key('index-where', context, index.where), index.where),
      elements: index.elements.map((e) =>
        e.expression === null
          ? e
          : { ...e, expression: get(this.key('index-expression', context, e.expression), e.expression) },
      ),
    }
  }

  /** The authored predicates and key expressions of indexes, with their read-back text. */
  private indexPairs(
    indexes: readonly IndexModel[],
    read: readonly IndexModel[],
    context: string,
  ): [string, string][] {
    const pairs: [string, string][] = []
    for (const index of indexes) {
      const readIndex = read.find((i) => i.name === index.name)
      if (readIndex === undefined || readIndex.elements.length !== index.elements.length) continue
      if (index.where !== null && readIndex.where !== null) {
        pairs.push([this.key('index-where', context, index.where), readIndex.where])
      }
      index.elements.forEach((e, i) => {
        const readExpression = readIndex.elements[i]?.expression
        if (e.expression !== null && readExpression != null) {
          pairs.push([this.key('index-expression', context, e.expression), readExpression])
        }
      })
    }
    return pairs
  }

  /** The schema with every authored expression replaced through `look`; undefined on a miss. */
  map(look: (key: string) => string | undefined): SchemaModel | undefined {
    let missed = false
    const get = (key: string, fallback: string): string => {
      const found = look(key)
      if (found === undefined) missed = true
      return found ?? fallback
    }
    const tables = this.desired.tables.map((table): TableModel => {
      const context = this.tableContext(table)
      return {
        ...table,
        columns: table.columns.map((column) => {
          const copy: Record<string, unknown> = { ...column }
          for (const [key, field] of this.columnSlots(table, column, context))
            copy[field] = get(key, String(column[field]))
          return copy as unknown as ColumnModel
        }),
        checks: table.checks.map((c) => ({
          ...c,
          expression: get(this.key('check', context, c.expression), c.expression),
        })),
        policies: table.policies.map((p) => ({
          ...p,
          using:
            p.using === null
              ? null
              : get(this.key('policy-using', this.policyContext(table), p.using), p.using),
          withCheck:
            p.withCheck === null
              ? null
              : get(this.key('policy-check', this.policyContext(table), p.withCheck), p.withCheck),
        })),
        partitionBy:
          table.partitionBy === null
            ? null
            : {
                ...table.partitionBy,
                key: get(
                  this.key('partition-key', this.keyContext(table), table.partitionBy.key),
                  table.partitionBy.key,
                ),
              },
        partitionOf:
          table.partitionOf === null
            ? null
            : {
                ...table.partitionOf,
                bound: get(
                  this.key('partition-bound', this.boundContext(table), table.partitionOf.bound),
                  table.partitionOf.bound,
                ),
              },
        indexes: table.indexes.map((index) => this.mapIndex(index, context, get)),
      }
    })
    const domains = this.desired.domains.map((domain): DomainModel => {
      const context = this.domainContext(domain)
      return {
        ...domain,
        default:
          domain.default === null
            ? null
            : get(this.key('domain-default', context, domain.default), domain.default),
        checks: domain.checks.map((c) => ({
          ...c,
          expression: get(this.key('domain-check', context, c.expression), c.expression),
        })),
      }
    })
    const views = this.desired.views.map((view): ViewModel => {
      const found = look(this.key('view', this.viewContext, view.definition))
      if (found === undefined) {
        missed = true
        return view
      }
      const context = this.viewIndexContext(view)
      return {
        ...view,
        ...(JSON.parse(found) as Pick<ViewModel, 'definition' | 'dependsOn'>),
        indexes: view.indexes.map((index) => this.mapIndex(index, context, get)),
        columnDefaults: view.columnDefaults.map((d) => ({
          ...d,
          default: get(this.viewDefaultKey(view, d.column, d.default), d.default),
        })),
      }
    })
    return missed ? undefined : { ...this.desired, tables, views, domains }
  }

  /** Each authored slot's key with its value in `target`, the same schema read back. */
  pairs(target: SchemaModel): [string, string][] {
    const pairs: [string, string][] = []
    const targetTables = new Map(target.tables.map((t) => [tableKey(t), t]))
    for (const table of this.desired.tables) {
      const read = targetTables.get(tableKey(table))
      if (read === undefined) continue
      const context = this.tableContext(table)
      for (const column of table.columns) {
        const readColumn = read.columns.find((c) => c.name === column.name)
        if (readColumn === undefined) continue
        for (const [key, field] of this.columnSlots(table, column, context)) {
          const value = readColumn[field]
          if (typeof value === 'string') pairs.push([key, value])
        }
      }
      for (const check of table.checks) {
        const readCheck = read.checks.find((c) => c.name === check.name)
        if (readCheck !== undefined)
          pairs.push([this.key('check', context, check.expression), readCheck.expression])
      }
      pairs.push(...this.indexPairs(table.indexes, read.indexes, context))
      if (table.partitionBy !== null && read.partitionBy !== null) {
        pairs.push([
          this.key('partition-key', this.keyContext(table), table.partitionBy.key),
          read.partitionBy.key,
        ])
      }
      if (table.partitionOf !== null && read.partitionOf !== null) {
        pairs.push([
          this.key('partition-bound', this.boundContext(table), table.partitionOf.bound),
          read.partitionOf.bound,
        ])
      }
      for (const policy of table.policies) {
        const readPolicy = read.policies.find((p) => p.name === policy.name)
        if (readPolicy === undefined) continue
        if (policy.using !== null && readPolicy.using !== null)
          pairs.push([this.key('policy-using', this.policyContext(table), policy.using), readPolicy.using])
        if (policy.withCheck !== null && readPolicy.withCheck !== null) {
          const key = this.key('policy-check', this.policyContext(table), policy.withCheck)
          pairs.push([key, readPolicy.withCheck])
        }
      }
    }
    const targetDomains = new Map(target.domains.map((d) => [tableKey(d), d]))
    for (const domain of this.desired.domains) {
      const read = targetDomains.get(tableKey(domain))
      if (read === undefined) continue
      const context = this.domainContext(domain)
      if (domain.default !== null && read.default !== null)
        pairs.push([this.key('domain-default', context, domain.default), read.default])
      for (const check of domain.checks) {
        const readCheck = read.checks.find((c) => c.name === check.name)
        if (readCheck !== undefined)
          pairs.push([this.key('domain-check', context, check.expression), readCheck.expression])
      }
    }
    const targetViews = new Map(target.views.map((v) => [tableKey(v), v]))
    for (const view of this.desired.views) {
      const read = targetViews.get(tableKey(view))
      if (read === undefined) continue
      const value = JSON.stringify({ definition: read.definition, dependsOn: read.dependsOn })
      pairs.push([this.key('view', this.viewContext, view.definition), value])
      pairs.push(...this.indexPairs(view.indexes, read.indexes, this.viewIndexContext(view)))
      for (const d of view.columnDefaults) {
        const readDefault = read.columnDefaults.find((r) => r.column === d.column)
        if (readDefault !== undefined)
          pairs.push([this.viewDefaultKey(view, d.column, d.default), readDefault.default])
      }
    }
    return pairs
  }
}
