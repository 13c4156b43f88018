export * from './drivers/pglite.js'
