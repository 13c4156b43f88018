/** codegen/: a schema model as TypeScript schema code (`tidemark pull`). */
export { type CodegenOptions, type CodegenResult, codegen } from './codegen.js'
