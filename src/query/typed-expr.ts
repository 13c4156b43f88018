import type { ParamEncoder } from '../sql/sql.js'
import type { Decoder, ExprNode } from './ast.js'

/**
 * The data of an `Expr`: its node and how its values are read and written. The compiler unwraps
 * expressions through this class, so it need not import expr.ts, which imports the compiler to
 * embed an expression in a `sql` template.
 */
export abstract class TypedExpr {
  constructor(
    readonly node: ExprNode,
    /** How a result value is read; undefined: by the type the server reports. */
    readonly decode?: Decoder,
    /** How a value compared with this expression is written. */
    readonly encode?: ParamEncoder,
  ) {}
}
