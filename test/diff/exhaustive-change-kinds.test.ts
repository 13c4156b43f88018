import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { expect, it } from 'vitest'

// Every switch over change kinds ends in assertNever, so a kind that one of them forgets must not
// compile. This type-checks those modules with one extra kind spliced into the change union (in
// memory) and expects each of them to reject it, at its assertNever call.
const root = fileURLToPath(new URL('../../', import.meta.url))
const changesFile = `${root}src/diff/changes.ts`

/** The modules that switch over every change kind (or every type change kind). */
const SWITCHES = [
  'src/diff/describe.ts',
  'src/diff/hazards.ts',
  'src/dialects/pg/ddl/render-changes.ts',
  'src/dialects/pg/ddl/render-types.ts',
  'src/migrate/check/drift-findings.ts',
  'src/migrate/check/type-drift.ts',
  'src/migrate/generate/authored.ts',
]

it('a change kind that a switch has no case for fails to compile', () => {
  // TypeChangeBody is part of ChangeBody, so a kind added to it reaches both kinds of switch.
  const declaration = 'export type TypeChangeBody =\n'
  const original = readFileSync(changesFile, 'utf8')
  expect(original).toContain(declaration)
  const widened = original.replace(
    declaration,
    `${declaration}  | { readonly kind: 'added-by-test'; readonly type: ObjectRef }\n`,
  )
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    lib: ['lib.es2022.d.ts'],
  }
  const host = ts.createCompilerHost(options)
  const getSourceFile = host.getSourceFile.bind(host)
  host.getSourceFile = (name, language, onError, create) =>
    name === changesFile
      ? ts.createSourceFile(name, widened, language)
      : getSourceFile(name, language, onError, create)
  const program = ts.createProgram(
    SWITCHES.map((f) => `${root}${f}`),
    options,
    host,
  )
  for (const file of SWITCHES) {
    // Without Node's types a few unrelated names (Buffer) do not resolve: only errors about the new
    // kind count, and there must be exactly one, at assertNever (TS2345: not assignable to never).
    const errors = program
      .getSemanticDiagnostics(program.getSourceFile(`${root}${file}`))
      .filter((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n').includes('added-by-test'))
      .map((d) => ({
        code: d.code,
        line: d.file?.text.split('\n')[d.file.getLineAndCharacterOfPosition(d.start ?? 0).line]?.trim(),
      }))
    expect(errors, file).toEqual([{ code: 2345, line: 'return assertNever(change)' }])
  }
})
