// Loaded with `node --import`: makes the packages named in TIDEMARK_HIDE_PACKAGES (comma-separated)
// fail to resolve, as they do where they are not installed; only from importers under
// TIDEMARK_HIDE_FROM (a URL) when it is set. TIDEMARK_PROVIDE_PACKAGES (JSON, name to file URL)
// installs packages that are not in node_modules.
import { register } from 'node:module'

register('./hooks.mjs', import.meta.url, {
  data: {
    hide: process.env.TIDEMARK_HIDE_PACKAGES ?? '',
    from: process.env.TIDEMARK_HIDE_FROM ?? '',
    provide: JSON.parse(process.env.TIDEMARK_PROVIDE_PACKAGES ?? '{}'),
  },
})
