// Module resolution hooks: a hidden package, or any file inside it, is not found, with Node's own
// error code and message.
let hidden = []

export function initialize(names) {
  hidden = names.split(',').filter((name) => name !== '')
}

export function resolve(specifier, context, nextResolve) {
  const name = hidden.find((h) => specifier === h || specifier.startsWith(`${h}/`))
  if (name === undefined) return nextResolve(specifier, context)
  const error = new Error(`Cannot find package '${name}' imported from ${context.parentURL}`)
  error.code = 'ERR_MODULE_NOT_FOUND'
  throw error
}
