import { MissingPackageError } from '../drivers/missing-package-error.js'
import { TidemarkError } from '../errors.js'

/**
 * The packages Tidemark's commands use and an application does not: each with the exports read
 * from it. They come with `@tidemark/cli`, so an app that only queries installs none of them.
 * `@tidemark/cli` exports one loader per name here; a test keeps the two lists equal.
 */
export const TOOL_EXPORTS = {
  jiti: ['createJiti'],
  'libpg-query': ['loadModule', 'parseSync'],
  '@clack/prompts': ['cancel', 'confirm', 'isCancel', 'select'],
  tinyglobby: ['convertPathToPattern', 'glob', 'isDynamicPattern'],
} as const

export type ToolName = keyof typeof TOOL_EXPORTS

interface ToolModules {
  jiti: typeof import('jiti')
  'libpg-query': typeof import('libpg-query')
  '@clack/prompts': typeof import('@clack/prompts')
  tinyglobby: typeof import('tinyglobby')
}

/** What a tool offers Tidemark: only the exports listed for it, so use and list cannot drift apart. */
export type Tool<N extends ToolName> = Pick<
  ToolModules[N],
  Extract<(typeof TOOL_EXPORTS)[N][number], keyof ToolModules[N]>
>

export const COMPANION = '@tidemark/cli'

/** A tool a command needs is not installed; the message names the tool, what needed it and the fix. */
export class MissingToolError extends MissingPackageError {
  constructor(
    readonly tool: ToolName,
    /** What needed the tool, e.g. "loading tidemark.config.ts". */
    readonly purpose: string,
    options?: { cause?: unknown },
  ) {
    // Used from code, the runner needs the parser where the app runs: a plain dependency there.
    super(
      COMPANION,
      `${capitalized(purpose)} needs ${tool}, which comes with ${COMPANION}, and it is not installed.\n` +
        `Install it: npm i -D ${COMPANION} (npm i ${COMPANION} where an app applies migrations from its own code).`,
      options,
    )
    this.name = 'MissingToolError'
  }

  /** The message as the `tidemark` command reports it, naming the command that needed the tool. */
  forCommand(command: string): string {
    return `${command} needs ${this.tool} (for ${this.purpose}), which comes with ${COMPANION}, and it is not installed.\nInstall it: npm i -D ${COMPANION}`
  }
}

interface Companion {
  readonly tools: { readonly [N in ToolName]: () => Promise<unknown> }
}

const loading = new Map<ToolName, Promise<unknown>>()

/**
 * Loads a tool: through `@tidemark/cli` when it is installed (under pnpm the tools resolve only from
 * its folder), else by the tool's own name (a project that installed it directly). Neither: a
 * {@link MissingToolError} saying that `purpose` needs it. Each tool is loaded once per process.
 */
export function loadTool<N extends ToolName>(name: N, purpose: string): Promise<Tool<N>> {
  let tool = loading.get(name)
  if (tool === undefined) {
    tool = importTool(name, purpose)
    // A failure is not remembered: the next command in a long-lived process tries again.
    tool.catch(() => loading.delete(name))
    loading.set(name, tool)
  }
  return tool as Promise<Tool<N>>
}

async function importTool<N extends ToolName>(name: N, purpose: string): Promise<Tool<N>> {
  const companion = await importIfInstalled<Companion>(COMPANION)
  const module =
    companion !== undefined ? await companion.tools[name]() : await importIfInstalled<ToolModules[N]>(name)
  if (module === undefined) throw new MissingToolError(name, purpose)
  return pick(name, module as Record<string, unknown>)
}

function pick<N extends ToolName>(name: N, module: Record<string, unknown>): Tool<N> {
  const picked: Record<string, unknown> = {}
  for (const key of TOOL_EXPORTS[name]) {
    // A CommonJS build seen through ESM may keep its exports under `default`.
    const value = module[key] ?? (module.default as Record<string, unknown> | undefined)?.[key]
    if (value === undefined)
      throw new TidemarkError(
        `The installed ${name} has no export '${key}': it is older or newer than Tidemark expects. Update both: npm i -D tidemark@latest ${COMPANION}@latest`,
      )
    picked[key] = value
  }
  return picked as Tool<N>
}

/** The package, or undefined when Node cannot find it; a broken install fails with its own error. */
async function importIfInstalled<T>(name: string): Promise<T | undefined> {
  try {
    return (await import(name)) as T
  } catch (error) {
    if (isNotFound(error, name)) return undefined
    throw error
  }
}

/**
 * Node's "Cannot find package 'x'" (or a bundler's "Could not resolve "x"", as under Vitest), for
 * the package itself: a missing dependency of an installed package is a broken install instead.
 */
function isNotFound(error: unknown, name: string): boolean {
  if (!(error instanceof Error)) return false
  const code = (error as { code?: unknown }).code
  const notFound =
    code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND' || /could not resolve/i.test(error.message)
  return notFound && [`'${name}'`, `"${name}"`].some((quoted) => error.message.includes(quoted))
}

const capitalized = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)
