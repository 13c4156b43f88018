export * from './drivers/postgres-js.js'
