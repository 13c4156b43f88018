import type { JsNode } from '../../../ts-printer/js-ast.js'
import { templateText } from '../../../ts-printer/js-literals.js'

/**
 * `sql\`...\`` whose text is exactly `text`, as the catalog printed it. Line breaks are escaped so an
 * expression stays on one line; view queries keep theirs (see `sqlQueryTemplate`).
 */
export function sqlTemplate(text: string): JsNode {
  return { kind: 'template', tag: 'sql', quasis: [templateText(text, false)], expressions: [] }
}

/** A multi-line `sql` template: the text between `references`, each interpolated as a variable. */
export function sqlQueryTemplate(parts: readonly string[], references: readonly JsNode[]): JsNode {
  return {
    kind: 'template',
    tag: 'sql',
    quasis: parts.map((part) => templateText(part, true)),
    expressions: references,
  }
}
