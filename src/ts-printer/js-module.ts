import { type Doc, group, hardline, ifBreak, indent, join, line } from './doc.js'
import type { JsNode } from './js-ast.js'
import { assignment, PRINT_WIDTH } from './js-layout.js'
import { jsString } from './js-literals.js'
import { printDoc } from './print-doc.js'

export interface Declaration {
  readonly exported: boolean
  readonly name: string
  readonly value: JsNode
}

export interface JsModule {
  /** Lines of the leading comment, without comment markers; none for no comment. */
  readonly comment: readonly string[]
  /** Import specifiers in their final order (`type AnyColumn`, `table`, ...). */
  readonly imports: readonly string[]
  readonly importFrom: string
  readonly declarations: readonly Declaration[]
}

/** The module's source: comment, import, then each declaration after a blank line. */
export function printModule(module: JsModule): string {
  const parts: Doc[] = []
  if (module.comment.length > 0) {
    parts.push(
      join(hardline, ['/**', ...module.comment.map((text) => ` *${text === '' ? '' : ` ${text}`}`), ' */']),
    )
  }
  if (module.imports.length > 0) {
    parts.push(
      group([
        'import {',
        indent([line, join([',', line], [...module.imports])]),
        ifBreak(','),
        line,
        `} from ${jsString(module.importFrom)}`,
      ]),
    )
  }
  for (const declaration of module.declarations) {
    parts.push([
      declaration.exported ? 'export const ' : 'const ',
      assignment(declaration.name, ' =', declaration.value, false),
    ])
  }
  return `${printDoc(join([hardline, hardline], parts), { width: PRINT_WIDTH, indentWidth: 2 })}\n`
}
