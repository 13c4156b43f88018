import type { NextConfig } from 'next'

const config: NextConfig = {
  // PGlite loads its WebAssembly and data files from its own folder at run time, so Node.js
  // imports it (and Tidemark's driver adapter for it) from node_modules instead of the bundle.
  serverExternalPackages: ['@electric-sql/pglite', 'tidemark'],
  // A CI job that type-checks on its own (tsc --noEmit) can skip the build's second check.
  typescript: { ignoreBuildErrors: process.env.SKIP_TYPE_CHECK === '1' },
}

export default config
