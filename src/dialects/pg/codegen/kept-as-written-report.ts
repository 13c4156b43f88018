import type { DefinedObjectKind, DefinedObjectModel } from '../../../model/types.js'

const PLURALS: Record<DefinedObjectKind, string> = {
  extension: 'extensions',
  function: 'functions',
  procedure: 'procedures',
  aggregate: 'aggregates',
  'range type': 'range types',
  trigger: 'triggers',
  rule: 'rules',
  cast: 'casts',
  publication: 'publications',
  'statistics object': 'statistics objects',
}

const KIND_ORDER = Object.keys(PLURALS) as DefinedObjectKind[]

/**
 * The objects the schema DSL cannot declare yet, so that pulled code does not hide them: comment
 * lines listing each (kind and name), and one warning per kind.
 */
export function reportKeptAsWritten(objects: readonly DefinedObjectModel[]): {
  comment: string[]
  warnings: string[]
} {
  if (objects.length === 0) return { comment: [], warnings: [] }
  const sorted = [...objects].sort(
    (a, b) =>
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      compare(a.schema, b.schema) ||
      compare(a.table ?? '', b.table ?? '') ||
      compare(a.name, b.name),
  )
  const comment = [
    'Not written as code yet (the schema DSL cannot declare them); they stay managed by your migrations:',
    ...sorted.map((o) => `- ${o.kind} ${describe(o)}`),
  ]
  const warnings = KIND_ORDER.flatMap((kind) => {
    const count = objects.filter((o) => o.kind === kind).length
    if (count === 0) return []
    const what = count === 1 ? `1 ${kind} is` : `${count} ${PLURALS[kind]} are`
    return [
      `${what} not written as code yet; ${count === 1 ? 'it stays' : 'they stay'} managed by your migrations`,
    ]
  })
  return { comment: comment.map(commentSafe), warnings }
}

function describe(o: DefinedObjectModel): string {
  if (o.kind === 'extension') return `${o.name} (in schema ${o.schema})`
  // Casts and publications belong to no schema.
  if (o.kind === 'cast' || o.kind === 'publication') return o.name
  return o.table === null ? `${o.schema}.${o.name}` : `${o.name} on ${o.schema}.${o.table}`
}

/** Text that cannot end the comment early or break its lines. */
function commentSafe(text: string): string {
  let safe = ''
  for (const char of text.replaceAll('*/', '*\\/')) {
    const code = char.codePointAt(0)!
    const breaks = code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029
    safe += breaks ? `\\u${code.toString(16).padStart(4, '0')}` : char
  }
  return safe
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
