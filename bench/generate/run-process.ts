import { spawn } from 'node:child_process'
import { performance } from 'node:perf_hooks'

export interface ProcessRun {
  readonly ms: number
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/** Runs a command to completion and times it from spawn to exit, as a user at a terminal would. */
export function runProcess(
  command: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const start = performance.now()
    // No terminal: neither tool may stop at a prompt, and colours stay out of the captured text.
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      const ms = performance.now() - start
      resolve({
        ms,
        code,
        stdout: Buffer.concat(stdout).toString(),
        stderr: Buffer.concat(stderr).toString(),
      })
    })
  })
}

/** Fails loudly with the tool's own words when a run did not succeed. */
export function expectSuccess(what: string, run: ProcessRun, stdoutPattern?: RegExp): ProcessRun {
  if (run.code !== 0 || (stdoutPattern !== undefined && !stdoutPattern.test(run.stdout))) {
    throw new Error(`${what} failed (exit ${run.code}):\n${run.stdout}\n${run.stderr}`)
  }
  return run
}
