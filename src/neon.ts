export * from './drivers/neon.js'
