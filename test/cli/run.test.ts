import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { tidemark as capture } from './support.js'

describe('tidemark CLI', () => {
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string
  }

  it('prints its version and help', async () => {
    expect(await capture(['--version'])).toEqual({ code: 0, out: `${version}\n`, err: '' })
    const help = await capture(['--help'])
    expect(help.code).toBe(0)
    expect(help.out).toMatch(/^tidemark: PostgreSQL schema as code/)
    expect(help.out).toContain('Exit codes: 0 success, 1 findings, 2 usage')
  })

  it('has help for every command it lists, naming each of its own flags', async () => {
    const help = (await capture(['--help'])).out
    const commands = [...new Set([...help.matchAll(/^ {2}([a-z]+)(?: down)? {2,}/gm)].map((m) => m[1]!))]
    expect(commands).toEqual([
      'init',
      'generate',
      'migrate',
      'status',
      'check',
      'pull',
      'push',
      'export',
      'baseline',
      'hash',
      'studio',
    ])
    for (const command of commands) {
      const own = await capture([command, '--help'])
      expect(own, command).toMatchObject({ code: 0, err: '' })
      expect(own.out, command).toMatch(new RegExp(`^Usage: tidemark ${command}`))
      // Every flag in the usage line is explained below it.
      for (const [, flag] of own.out.split('\n')[0]!.matchAll(/\[(--[a-z-]+)/g)) {
        expect(own.out.split('\n').slice(1).join('\n'), `${command} ${flag}`).toContain(flag!)
      }
    }
  })

  it("lists the flags every command takes in each command's help, after its own", async () => {
    for (const command of ['generate', 'push', 'export', 'check', 'studio']) {
      const own = (await capture([command, '--help'])).out
      const global = own.indexOf('\nFlags every command takes:\n')
      expect(global, command).toBeGreaterThan(0)
      for (const flag of [
        '--config PATH',
        '--url URL',
        '--schema PATHS',
        '--migrations DIR',
        '--json',
        '--verbose',
      ])
        expect(own.slice(global), `${command} ${flag}`).toContain(`\n  ${flag} `)
    }
    // init explains --schema and --migrations itself (they name what it creates): listed once.
    const init = (await capture(['init', '--help'])).out
    expect(init.match(/\n {2}--schema /g)).toHaveLength(1)
    expect(init.match(/\n {2}--migrations /g)).toHaveLength(1)
    expect(init).toContain('\n  --config PATH ')
  })

  it('suggests the command or flag a typo was probably meant to be', async () => {
    expect(await capture(['genrate'])).toEqual({
      code: 2,
      out: '',
      err: "tidemark: unknown command 'genrate'. Did you mean 'generate'?\n",
    })
    const json = await capture(['push', '--dry-rn', '--json'])
    expect(json.code).toBe(2)
    expect(JSON.parse(json.out)).toEqual({
      error: { code: 'usage', message: "unknown flag '--dry-rn'. Did you mean '--dry-run'?" },
    })
  })

  it('keeps colors off when stdout is not a terminal or NO_COLOR is set', async () => {
    const { processIo } = await import('../../src/cli/io.js')
    const io = processIo()
    expect(io.colors).toBe(Boolean(process.stdout.isTTY) && !process.env.NO_COLOR)
    const { paint } = await import('../../src/cli/terminal.js')
    expect(paint({ ...io, colors: false }).red('x')).toBe('x')
    expect(paint({ ...io, colors: true }).red('x')).toBe('\u001b[31mx\u001b[39m')
  })

  it('exits 2 with a one-line hint for an unknown command or no command', async () => {
    expect(await capture(['frobnicate'])).toEqual({
      code: 2,
      out: '',
      err: "tidemark: unknown command 'frobnicate'. Run 'tidemark --help' for the commands.\n",
    })
    expect((await capture(['--nope'])).err).toContain("unknown flag '--nope'")
    expect((await capture([])).code).toBe(2)
  })

  it('runs as a process with the right exit code', () => {
    const tsx = ['--import', 'tsx', 'src/cli/main.ts']
    expect(execFileSync(process.execPath, [...tsx, '-v'], { encoding: 'utf8' })).toBe(`${version}\n`)
    const unknown = spawnSync(process.execPath, [...tsx, 'frobnicate'], { encoding: 'utf8' })
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).not.toContain('    at ')
  })
})

describe('progress lines', () => {
  it('draws and erases a progress line on a terminal stderr (status, migrate, check), and none with --json', async () => {
    const { runCli } = await import('../../src/cli/run.js')
    const { tempProject } = await import('./support.js')
    const project = await tempProject({ 'schema.ts': 'export {}\n', 'migrations/.gitkeep': '' })
    try {
      const run = async (...args: string[]) => {
        const err: string[] = []
        const code = await runCli(args, {
          stdout: { write: () => true },
          stderr: { write: (text: string) => err.push(text) },
          cwd: project.dir,
          env: {},
          interactive: false,
          progress: true,
        })
        return { code, err: err.join('') }
      }
      const shown = await run('status')
      expect(shown.err).toBe('\r\u001b[2KOpening the embedded database...\r\u001b[2K')
      await project.write('migrations/20240101000000_first/up.sql', 'create table first (id int);\n')
      await project.write('migrations/20240101000000_first/down.sql', 'drop table first;\n')
      expect((await run('hash')).code).toBe(0)
      const migrated = await run('migrate')
      expect(migrated.code).toBe(0)
      expect(migrated.err).toContain('\r\u001b[2KApplying 20240101000000_first...')
      expect(migrated.err.endsWith('\r\u001b[2K')).toBe(true)
      const checked = await run('check')
      expect(checked.code).toBe(0)
      expect(checked.err).toContain('\r\u001b[2KReading the live database...')
      expect(checked.err.endsWith('\r\u001b[2K')).toBe(true)
      expect((await run('check', '--json')).err).toBe('')
    } finally {
      await project.remove()
    }
  }, 300_000)
})
