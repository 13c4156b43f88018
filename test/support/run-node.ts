import { spawn } from 'node:child_process'

export interface NodeRun {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/** tsx's loader by file URL, so scripts run from folders that have no node_modules of their own. */
const tsx = import.meta.resolve('tsx')

/** Runs a TypeScript entry point in a separate Node.js process, collecting its output. */
export function runNodeScript(script: string, args: readonly string[], cwd: string): Promise<NodeRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', tsx, script, ...args], { cwd })
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
