import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { expect, it } from 'vitest'

// Each change kind has an entry in its family's module (describe, hazards, drift, authored) and a
// renderer in the family's DDL module, and the families are assembled into records keyed by kind.
// This type-checks the source with two kinds spliced in (in memory): one added to a family's union,
// one added to the change union as a family nobody assembled. Each must fail to compile exactly
// where a newcomer has to add something, and nowhere else.
const root = fileURLToPath(new URL('../../', import.meta.url))

/** In-memory edits: file, the text to find, and what to put after it. */
const SPLICES = [
  {
    file: 'src/diff/families/schemas.ts',
    after: 'export type SchemaChange =\n',
    insert: `  | { readonly kind: 'added-to-a-family'; readonly schema: string }\n`,
  },
  {
    file: 'src/diff/changes.ts',
    after: 'export type ChangeBody =\n',
    insert: `  | { readonly kind: 'added-as-a-family'; readonly schema: string }\n`,
  },
]

const ROOTS = [
  'src/diff/describe.ts',
  'src/diff/hazards.ts',
  'src/migrate/check/drift-findings.ts',
  'src/migrate/generate/authored.ts',
  'src/dialects/pg/ddl/render-changes.ts',
]

it('a change kind without an entry or a renderer fails to compile where it lacks one', () => {
  const edited = new Map<string, string>()
  for (const { file, after, insert } of SPLICES) {
    const original = readFileSync(`${root}${file}`, 'utf8')
    expect(original, file).toContain(after)
    edited.set(`${root}${file}`, original.replace(after, `${after}${insert}`))
  }
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
  host.getSourceFile = (name, language, onError, create) => {
    const text = edited.get(name)
    return text === undefined
      ? getSourceFile(name, language, onError, create)
      : ts.createSourceFile(name, text, language)
  }
  const program = ts.createProgram(
    ROOTS.map((f) => `${root}${f}`),
    options,
    host,
  )
  // Without Node's types a few unrelated names (Buffer) do not resolve: only errors about the new
  // kinds count. TS2741: a property (the kind's entry or renderer) is missing.
  const errors = program
    .getSourceFiles()
    .filter((file) => file.fileName.startsWith(`${root}src/`))
    .flatMap((file) => program.getSemanticDiagnostics(file))
    .map((d) => ({ d, text: ts.flattenDiagnosticMessageText(d.messageText, '\n') }))
    .filter(({ text }) => text.includes('added-'))
    .map(({ d, text }) => ({
      file: d.file?.fileName.slice(root.length),
      code: d.code,
      kind: /added-(to|as)-a-family/.exec(text)?.[0],
    }))
    .sort((a, b) => (a.file! < b.file! ? -1 : 1))
  const where = (kind: string) =>
    errors.filter((e) => e.kind === kind).map(({ file, code }) => ({ file, code }))
  // The kind added to the schema family lacks its entry and its renderer, in the family's modules.
  expect(where('added-to-a-family')).toEqual([
    { file: 'src/dialects/pg/ddl/families/schemas.ts', code: 2741 },
    { file: 'src/diff/families/schemas.ts', code: 2741 },
  ])
  // The family that no record assembles is missing from both records.
  expect(where('added-as-a-family')).toEqual([
    { file: 'src/dialects/pg/ddl/change-renderers.ts', code: 2741 },
    { file: 'src/diff/change-kinds.ts', code: 2741 },
  ])
  // And nothing else fails: the lookups take any kind the records hold.
  expect(errors).toHaveLength(4)
})
