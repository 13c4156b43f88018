/** to-model/: schema code (the DSL's tables, types and routines) as the schema model. */
export { declaredAt } from './build-defined-objects.js'
export { collect } from './collect.js'
export { toModel } from './to-model.js'
