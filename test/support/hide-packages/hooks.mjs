// Module resolution hooks: a hidden package, or any file inside it, is not found, with Node's own
// error code and message. With `from`, it is hidden only from importers under that URL (the way
// pnpm lets a package see only what it depends on); `provide` resolves names to files, as if those
// packages were installed.
let hidden = []
let from = ''
let provided = {}

export function initialize(data) {
  hidden = data.hide.split(',').filter((name) => name !== '')
  from = data.from
  provided = data.provide
}

export function resolve(specifier, context, nextResolve) {
  const url = provided[specifier]
  if (url !== undefined) return { url, shortCircuit: true }
  const name = hidden.find((h) => specifier === h || specifier.startsWith(`${h}/`))
  if (name === undefined || !(context.parentURL ?? '').startsWith(from))
    return nextResolve(specifier, context)
  const error = new Error(`Cannot find package '${name}' imported from ${context.parentURL}`)
  error.code = 'ERR_MODULE_NOT_FOUND'
  throw error
}
