/** The tools the `tidemark` command loads, by package name, each imported on first use. */
export declare const tools: {
  readonly jiti: () => Promise<typeof import('jiti')>
  readonly 'libpg-query': () => Promise<typeof import('libpg-query')>
  readonly '@clack/prompts': () => Promise<typeof import('@clack/prompts')>
  readonly tinyglobby: () => Promise<typeof import('tinyglobby')>
}
