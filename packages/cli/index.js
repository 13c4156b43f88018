// The tools the `tidemark` command loads, each imported from here so that it resolves from this
// package's own dependencies (under pnpm, tidemark cannot see them otherwise). Each is a function,
// not a re-export: a command loads only the tools it uses, when it uses them.
export const tools = {
  jiti: () => import('jiti'),
  'libpg-query': () => import('libpg-query'),
  '@clack/prompts': () => import('@clack/prompts'),
  tinyglobby: () => import('tinyglobby'),
}
