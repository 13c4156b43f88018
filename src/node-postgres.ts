export * from './drivers/node-postgres.js'
