import { spawn } from 'node:child_process'

export interface NodeRun {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

export interface CommandRun extends NodeRun {
  /** stdout and stderr interleaved as the process wrote them. */
  readonly output: string
}

/** Runs a command to its end in a separate process, collecting what it writes. */
export function runCommand(
  command: string,
  args: readonly string[],
  options: { readonly cwd: string; readonly env?: NodeJS.ProcessEnv },
): Promise<CommandRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env })
    let stdout = ''
    let stderr = ''
    let output = ''
    child.stdout.on('data', (chunk) => {
      stdout += chunk
      output += chunk
    })
    child.stderr.on('data', (chunk) => {
      stderr += chunk
      output += chunk
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr, output }))
  })
}

/** tsx's loader by file URL, so scripts run from folders that have no node_modules of their own. */
const tsx = import.meta.resolve('tsx')

const hidePackages = import.meta.resolve('./hide-packages/register.mjs')

export interface NodeRunOptions {
  /** Packages the script cannot import, as if they were not installed. */
  readonly hide?: readonly string[]
  /** Hide them only from importers under this folder (a file URL); packages still see their own. */
  readonly hideFrom?: string
  /** Packages that are not in node_modules, by name, each resolved to the file URL given. */
  readonly provide?: Readonly<Record<string, string>>
}

/** Runs a TypeScript entry point in a separate Node.js process, collecting its output. */
export function runNodeScript(
  script: string,
  args: readonly string[],
  cwd: string,
  options: NodeRunOptions = {},
): Promise<NodeRun> {
  const hide = options.hide ?? []
  const provide = options.provide ?? {}
  const hooks = hide.length > 0 || Object.keys(provide).length > 0
  const imports = hooks ? ['--import', hidePackages, '--import', tsx] : ['--import', tsx]
  return runCommand(process.execPath, [...imports, script, ...args], {
    cwd,
    env: {
      ...process.env,
      TIDEMARK_HIDE_PACKAGES: hide.join(','),
      TIDEMARK_HIDE_FROM: options.hideFrom ?? '',
      TIDEMARK_PROVIDE_PACKAGES: JSON.stringify(provide),
    },
  }).then(({ code, stdout, stderr }) => ({ code, stdout, stderr }))
}
