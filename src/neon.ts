export type { BatchQuery, BatchResults } from './database/batch.js'
export * from './drivers/neon.js'
export { fromNeonHttp, type NeonHttpDatabase, type NeonHttpQueryFunction } from './drivers/neon-http.js'
