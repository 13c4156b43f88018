/** grammar/: PostgreSQL's text rules, as the migration runner, replay and Studio write statements with. */
export { qualifiedName, quoteIdent, quoteLiteral } from './quote.js'
