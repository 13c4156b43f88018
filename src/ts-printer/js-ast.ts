/**
 * The few JavaScript expression shapes generated schema code is made of. Emitters build these; the
 * layout turns them into formatted text.
 */
export type JsNode =
  | { readonly kind: 'string'; readonly value: string }
  /** A numeric, boolean or other literal, written as is (`-7`, `true`). */
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'identifier'; readonly name: string }
  | { readonly kind: 'member'; readonly object: JsNode; readonly property: string }
  | {
      readonly kind: 'call'
      readonly callee: JsNode
      readonly typeArguments: string | undefined
      readonly args: readonly JsNode[]
    }
  | { readonly kind: 'array'; readonly elements: readonly JsNode[] }
  | {
      readonly kind: 'object'
      readonly properties: readonly JsProperty[]
      /** Written across lines even when it would fit on one (a table's columns). */
      readonly expanded: boolean
    }
  | {
      readonly kind: 'arrow'
      readonly params: readonly string[]
      readonly returnType: string | undefined
      readonly body: JsNode
    }
  /** A tagged template; `quasis` are already escaped source text, one more than `expressions`. */
  | {
      readonly kind: 'template'
      readonly tag: string
      readonly quasis: readonly string[]
      readonly expressions: readonly JsNode[]
    }
  | { readonly kind: 'as'; readonly expression: JsNode; readonly type: string }

export interface JsProperty {
  /** The key as written in source (an identifier name or a quoted string). */
  readonly key: string
  readonly value: JsNode
}

export const js = {
  string: (value: string): JsNode => ({ kind: 'string', value }),
  literal: (text: string): JsNode => ({ kind: 'literal', text }),
  identifier: (name: string): JsNode => ({ kind: 'identifier', name }),
  member: (object: JsNode, property: string): JsNode => ({ kind: 'member', object, property }),
  call: (callee: JsNode | string, args: readonly JsNode[] = [], typeArguments?: string): JsNode => ({
    kind: 'call',
    callee: typeof callee === 'string' ? js.identifier(callee) : callee,
    typeArguments,
    args,
  }),
  /** `target.method(args)`. */
  method: (target: JsNode, method: string, args: readonly JsNode[] = []): JsNode =>
    js.call(js.member(target, method), args),
  array: (elements: readonly JsNode[]): JsNode => ({ kind: 'array', elements }),
  object: (properties: readonly JsProperty[], expanded = false): JsNode => ({
    kind: 'object',
    properties,
    expanded,
  }),
  arrow: (params: readonly string[], body: JsNode, returnType?: string): JsNode => ({
    kind: 'arrow',
    params,
    returnType,
    body,
  }),
  as: (expression: JsNode, type: string): JsNode => ({ kind: 'as', expression, type }),
}
