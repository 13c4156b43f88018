import { spawn } from 'node:child_process'

export interface NodeRun {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
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
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...imports, script, ...args], {
      cwd,
      env: {
        ...process.env,
        TIDEMARK_HIDE_PACKAGES: hide.join(','),
        TIDEMARK_HIDE_FROM: options.hideFrom ?? '',
        TIDEMARK_PROVIDE_PACKAGES: JSON.stringify(provide),
      },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => {
      stdout += chunk
    })
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}
