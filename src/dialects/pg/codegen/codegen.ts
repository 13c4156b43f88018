import { grantObjectKey } from '../../../model/grants.js'
import { tablesInPartitionOrder } from '../../../model/partition-order.js'
import { typesInDependencyOrder } from '../../../model/type-order.js'
import type {
  DefinedObjectModel,
  ForeignKeyModel,
  SchemaModel,
  SequenceModel,
  TableModel,
} from '../../../model/types.js'
import { viewsInDependencyOrder } from '../../../model/view-order.js'
import type { Casing } from '../../../schema/casing.js'
import { DEFAULT_SCHEMA } from '../../../schema/kind.js'
import { type JsNode, js } from '../../../ts-printer/js-ast.js'
import { type Declaration, printModule } from '../../../ts-printer/js-module.js'
import { nextvalExpression } from '../dsl/sequence.js'
import { qualifiedName } from '../grammar/quote.js'
import type { TypeContext } from './column-type.js'
import { type EmitContext, tableColumn } from './emit-context.js'
import { emitGrants } from './emit-grants.js'
import { emitCustomType, emitEnum, emitNamespace, emitSequence, emitView } from './emit-objects.js'
import { emitPartition } from './emit-partition.js'
import { emitExtension, emitRoutine, emitTrigger } from './emit-routines.js'
import { emitTable } from './emit-table.js'
import { emitCompositeType, emitDomain } from './emit-types.js'
import { Imports } from './imports.js'
import { reportKeptAsWritten } from './kept-as-written-report.js'
import { ModuleSymbols } from './module-symbols.js'
import { notValidWarnings } from './not-valid-warnings.js'
import { ownerWarnings } from './owner-warnings.js'
import { referenceCycles } from './reference-cycles.js'
import { schemaDecisions } from './schema-decisions.js'

export interface CodegenOptions {
  /** The module the generated code imports the schema DSL from; `tidemark/pg` by default. */
  readonly importFrom?: string
  /**
   * Declare the tables in this casing: `schema('public', { casing: 'snake_case' })` and the like,
   * with camelCase keys that need no written name when the casing gives it (`displayName: text()`
   * for `display_name`). Names the casing does not give are written out.
   */
  readonly casing?: Casing
}

export interface CodegenResult {
  /** A formatted TypeScript module that declares the schema. */
  readonly source: string
  /** What the code cannot say (functions, triggers, ...), one message each. */
  readonly warnings: string[]
}

/**
 * Writes the schema model as a TypeScript module that uses `tidemark/pg`: enums, domains and
 * composite types (after the types they use), sequences, tables and views, in that order and by
 * schema then name (views after the views they read). `toModel` of the module's exports gives back
 * the model; objects the DSL cannot declare yet (aggregates, range types, rules, casts,
 * publications, extended statistics) are listed in a comment at the top and reported as warnings.
 *
 * @example
 * const { source, warnings } = codegen(await introspect(db))
 * await writeFile('src/schema.ts', source)
 */
export function codegen(model: SchemaModel, options: CodegenOptions = {}): CodegenResult {
  const enums = [...model.enums].sort(bySchemaAndName)
  const userTypes = typesInDependencyOrder(
    [...model.domains].sort(bySchemaAndName),
    [...model.compositeTypes].sort(bySchemaAndName),
  )
  // A partition names its parent's variable, so it is declared after it.
  const tables = tablesInPartitionOrder([...model.tables].sort(bySchemaAndName))
  const views = viewsInDependencyOrder([...model.views].sort(bySchemaAndName))
  const decisions = schemaDecisions({ ...model, tables })
  const sequences = [...decisions.sequences].sort(bySchemaAndName)
  const schemas = [
    ...new Set([
      ...model.schemas,
      ...[...enums, ...userTypes.map((t) => t.model), ...sequences, ...tables, ...views].map((o) => o.schema),
    ]),
  ]
    .filter((schema) => schema !== DEFAULT_SCHEMA)
    .sort(compare)

  // Extensions, routines and triggers are written as code; aggregates, range types, rules, casts,
  // publications and statistics stay with the migrations and are listed in the module's comment.
  const written = model.definedObjects.filter((o) => WRITTEN_KINDS.has(o.kind))
  const ofKind = (kind: DefinedObjectModel['kind']) => written.filter((o) => o.kind === kind)
  const routines = [...ofKind('function'), ...ofKind('procedure')]
  const triggerName = (o: DefinedObjectModel) => ({ schema: o.schema, name: `${o.table}\u0000${o.name}` })
  const symbols = new ModuleSymbols(
    [
      ...ofKind('extension').map((object) => ({ kind: 'extension' as const, object })),
      ...routines.map((object) => ({ kind: object.kind as 'function' | 'procedure', object })),
      ...tables.map((object) => ({ kind: 'table' as const, object })),
      ...views.map((object) => ({ kind: 'view' as const, object })),
      ...enums.map((object) => ({ kind: 'enum' as const, object })),
      ...userTypes.map((t) => ({ kind: t.kind, object: t.model })),
      ...sequences.map((object) => ({ kind: 'sequence' as const, object })),
      ...ofKind('trigger').map((o) => ({ kind: 'trigger' as const, object: triggerName(o) })),
    ],
    schemas,
    options.casing,
  )
  // Tables in public are declared through a cased schema object; partitions take their parent's names.
  const casedPublic =
    options.casing !== undefined && tables.some((t) => t.schema === DEFAULT_SCHEMA && t.partitionOf === null)
      ? symbols.freeVariable(['publicSchema'])
      : undefined
  const customTypes = new Set<string>()
  const types: TypeContext = {
    enums,
    domains: model.domains,
    compositeTypes: model.compositeTypes,
    enumVariable: (e) => symbols.variable('enum', e),
    domainVariable: (d) => symbols.variable('domain', d),
    compositeVariable: (t) => symbols.variable('composite type', t),
    customVariable: (dataType) => {
      customTypes.add(dataType)
      return symbols.customTypeVariable(dataType)
    },
  }
  const byKey = new Map(tables.map((t) => [JSON.stringify([t.schema, t.name]), t]))
  const targetOf = (fk: ForeignKeyModel) =>
    byKey.get(JSON.stringify([fk.references.schema, fk.references.table]))
  const nextvals = new Map(
    sequences.map((s) => [nextvalExpression(s.schema, s.name), symbols.variable('sequence', s)]),
  )
  const context: EmitContext = {
    decisions,
    symbols,
    imports: new Imports(),
    types,
    casing: options.casing,
    casedPublic,
    targetOf,
    inCycle: referenceCycles(tables),
    nextvalOf: (text) => nextvals.get(text),
  }

  const publicExecutes = new Set(
    model.grants
      .filter((g) => g.column === null && g.grantee === 'public' && g.privilege === 'EXECUTE')
      .map(grantObjectKey),
  )
  const grantVariables = () =>
    new Map<string, string>([
      ...schemas.map(
        (s) => [grantObjectKey({ on: 'schema', schema: s, name: s }), symbols.schemaVariable(s)!] as const,
      ),
      ...tables.map((t) => [grantObjectKey({ on: 'table', ...t }), symbols.variable('table', t)] as const),
      ...views.map((v) => [grantObjectKey({ on: 'table', ...v }), symbols.variable('view', v)] as const),
      ...sequences.map(
        (s) => [grantObjectKey({ on: 'sequence', ...s }), symbols.variable('sequence', s)] as const,
      ),
      ...routines.map((r) => {
        const on = r.kind as 'function' | 'procedure'
        return [grantObjectKey({ on, schema: r.schema, name: r.name }), symbols.variable(on, r)] as const
      }),
    ])
  const declare = (name: string, value: Declaration['value'], exported = true): Declaration => ({
    exported,
    name,
    value,
  })
  // Types and tables come first so that the custom types their columns need are known.
  const typeWarnings: string[] = []
  const typeDeclarations = userTypes.map((t) =>
    t.kind === 'domain'
      ? declare(symbols.variable('domain', t.model), emitDomain(context, t.model))
      : declare(
          symbols.variable('composite type', t.model),
          emitCompositeType(context, t.model, (warning) => typeWarnings.push(warning)),
        ),
  )
  const tableDeclarations = tables.map((t) => {
    const parent =
      t.partitionOf === null
        ? undefined
        : byKey.get(JSON.stringify([t.partitionOf.schema, t.partitionOf.table]))
    const node =
      parent === undefined
        ? emitTable(context, t)
        : emitPartition(context, t, withParentColumns(t, byKey), parent)
    return declare(symbols.variable('table', t), node)
  })
  // OWNED BY, through the owning table's variable (evaluated lazily: the table comes later).
  const ownerOf = (s: SequenceModel): JsNode | undefined => {
    const table = s.ownedBy === null ? undefined : byKey.get(JSON.stringify([s.schema, s.ownedBy.table]))
    return table === undefined ? undefined : tableColumn(context, table, s.ownedBy!.column)
  }
  const relationVariable = (schema: string, name: string): string | undefined => {
    const relation = { schema, name }
    if (byKey.has(JSON.stringify([schema, name]))) return symbols.variable('table', relation)
    return views.some((v) => v.schema === schema && v.name === name)
      ? symbols.variable('view', relation)
      : undefined
  }
  const viewDeclarations = views.map((v) =>
    declare(symbols.variable('view', v), emitView(context, v, relationVariable)),
  )
  const routineVariable = (qualified: string): string | undefined => {
    const found = routines.filter(
      (r) =>
        r.kind === 'function' &&
        `${qualifiedName(r.schema, r.name.slice(0, r.name.indexOf('(')))}` === qualified,
    )
    // Trigger functions take no arguments: an overloaded name is resolved by that.
    const fn = found.length === 1 ? found[0] : found.find((r) => r.name.endsWith('()'))
    return fn === undefined ? undefined : symbols.variable('function', fn)
  }
  const triggerDeclarations = ofKind('trigger').flatMap((o) => {
    const table = byKey.get(JSON.stringify([o.schema, o.table]))
    const on = relationVariable(o.schema, o.table!)
    if (on === undefined) return []
    const columnKey = (column: string) =>
      table?.columns.some((c) => c.name === column) ? symbols.columnKey(table, column) : undefined
    const node = emitTrigger(context, o, on, columnKey, routineVariable)
    return [declare(symbols.variable('trigger', triggerName(o)), node)]
  })
  const declarations = [
    ...(casedPublic === undefined
      ? []
      : [declare(casedPublic, emitNamespace(context, DEFAULT_SCHEMA), false)]),
    ...schemas.map((schema) => declare(symbols.schemaVariable(schema)!, emitNamespace(context, schema))),
    ...ofKind('extension').map((o) => declare(symbols.variable('extension', o), emitExtension(context, o))),
    ...[...customTypes]
      .sort(compare)
      .map((dataType) =>
        declare(symbols.customTypeVariable(dataType), emitCustomType(context, dataType), false),
      ),
    ...enums.map((e) => declare(symbols.variable('enum', e), emitEnum(context, e))),
    ...typeDeclarations,
    ...sequences.map((s) => declare(symbols.variable('sequence', s), emitSequence(context, s, ownerOf(s)))),
    ...routines.map((r) =>
      declare(
        symbols.variable(r.kind as 'function' | 'procedure', r),
        emitRoutine(context, r, publicExecutes.has(grantObjectKey({ on: r.kind as 'function', ...r }))),
      ),
    ),
    ...tableDeclarations,
    ...viewDeclarations,
    ...triggerDeclarations,
  ]

  const grantWarnings: string[] = []
  const grantNodes = emitGrants(context, model, grantVariables(), (w) => grantWarnings.push(w))
  if (grantNodes.length > 0)
    declarations.push(declare(symbols.freeVariable(['grants', 'schemaGrants']), js.array(grantNodes)))

  const keptAsWritten = reportKeptAsWritten(model.definedObjects.filter((o) => !WRITTEN_KINDS.has(o.kind)))
  const unreachable = tables.flatMap((t) =>
    t.foreignKeys
      .filter((fk) => targetOf(fk) === undefined)
      .map(
        (fk) =>
          `foreign key ${fk.name} of ${t.schema}.${t.name} references ${fk.references.schema}.${fk.references.table}, which was not pulled: it is not written`,
      ),
  )
  const source = printModule({
    comment: keptAsWritten.comment,
    imports: context.imports.specifiers(),
    importFrom: options.importFrom ?? 'tidemark/pg',
    declarations,
  })
  return {
    source,
    warnings: [
      ...keptAsWritten.warnings,
      ...typeWarnings,
      ...decisions.warnings,
      ...unreachable,
      ...notValidWarnings(tables),
      ...grantWarnings,
      ...ownerWarnings(model),
    ],
  }
}

const WRITTEN_KINDS: ReadonlySet<DefinedObjectModel['kind']> = new Set([
  'extension',
  'function',
  'procedure',
  'trigger',
])

/** A partition with the columns it has from its parent (or the parent's parent), as its `t` names them. */
function withParentColumns(table: TableModel, byKey: ReadonlyMap<string, TableModel>): TableModel {
  let holder: TableModel | undefined = table
  for (let depth = 0; holder?.partitionOf != null && holder.columns.length === 0 && depth < 32; depth++) {
    holder = byKey.get(JSON.stringify([holder.partitionOf.schema, holder.partitionOf.table]))
  }
  return holder === undefined ? table : { ...table, columns: holder.columns }
}

function bySchemaAndName(a: { schema: string; name: string }, b: { schema: string; name: string }): number {
  return compare(a.schema, b.schema) || compare(a.name, b.name)
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
