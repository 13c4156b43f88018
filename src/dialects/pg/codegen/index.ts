/** codegen/: a schema model as TypeScript schema code (`tidemark pull`). */
export { codegen } from './codegen.js'
