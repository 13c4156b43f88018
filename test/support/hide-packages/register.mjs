// Loaded with `node --import`: makes the packages named in TIDEMARK_HIDE_PACKAGES (comma-separated)
// fail to resolve, as they do where they are not installed.
import { register } from 'node:module'

register('./hooks.mjs', import.meta.url, { data: process.env.TIDEMARK_HIDE_PACKAGES ?? '' })
