import type { ForeignKeyModel, TableModel } from '../../../model/types.js'
import type { Casing } from '../../../schema/casing.js'
import { DEFAULT_SCHEMA } from '../../../schema/kind.js'
import { type JsNode, js } from '../../../ts-printer/js-ast.js'
import type { TypeContext } from './column-type.js'
import type { Imports } from './imports.js'
import type { ModuleSymbols } from './module-symbols.js'
import type { SchemaDecisions } from './schema-decisions.js'

/** What every emitter shares while one module is written. */
export interface EmitContext {
  readonly decisions: SchemaDecisions
  readonly symbols: ModuleSymbols
  readonly imports: Imports
  readonly types: TypeContext
  /** The casing the module declares its tables in (through their schema objects), if any. */
  readonly casing: Casing | undefined
  /** With a casing: the variable of `schema('public', { casing })`, which declares the tables in public. */
  readonly casedPublic: string | undefined
  /** The table a foreign key points at, when the model has it. */
  targetOf(fk: ForeignKeyModel): TableModel | undefined
  /** Whether a reference from one table to another closes a cycle (and needs a type annotation). */
  inCycle(from: TableModel, to: TableModel): boolean
  /** The standalone sequence variable whose `nextval()` prints exactly this default, if any. */
  nextvalOf(defaultText: string): string | undefined
}

/**
 * `table(...)` in public, `<schema>.table(...)` elsewhere; the same for views, enums and sequences.
 * With a casing, tables in public are declared through the cased `schema('public', ...)` too.
 */
export function factory(context: EmitContext, schema: string, name: string): JsNode {
  const namespace =
    schema === DEFAULT_SCHEMA && name === 'table'
      ? context.casedPublic
      : context.symbols.schemaVariable(schema)
  return namespace === undefined
    ? js.identifier(context.imports.use(name))
    : js.member(js.identifier(namespace), name)
}

/** `t.columnKey` inside a table's extras callback. */
export function ownColumn(context: EmitContext, table: TableModel, column: string): JsNode {
  return js.member(js.identifier('t'), context.symbols.columnKey(table, column))
}

/** `users.id`: a column of another (or the same) table, through its variable. */
export function tableColumn(context: EmitContext, table: TableModel, column: string): JsNode {
  return js.member(
    js.identifier(context.symbols.variable('table', table)),
    context.symbols.columnKey(table, column),
  )
}
