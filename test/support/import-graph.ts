import { existsSync, readFileSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import ts from 'typescript'

/**
 * The modules a TypeScript entry loads, by relative import: what loads with it (`static`: import
 * and export declarations the compiler keeps, so `import type` and `export type` do not count), or
 * everything it may load later too (`all`: dynamic `import()` calls as well). Paths are relative
 * to `root`, with `/` separators.
 */
export function reachableModules(root: string, entry: string, imports: 'static' | 'all'): string[] {
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    for (const specifier of moduleImports(file, imports)) {
      if (!specifier.startsWith('.')) continue
      const target = resolve(dirname(file), specifier.replace(/\.js$/, '.ts'))
      if (!existsSync(target))
        throw new Error(`${relative(root, file)} imports ${specifier}, which is not there`)
      visit(target)
    }
  }
  visit(resolve(root, entry))
  return [...seen].map((file) => relative(root, file).split('\\').join('/')).sort()
}

/** The modules one file imports itself, by relative import, in the same two senses. */
export function directImports(root: string, file: string, imports: 'static' | 'all'): string[] {
  return moduleImports(resolve(root, file), imports)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) =>
      relative(root, resolve(dirname(resolve(root, file)), specifier.replace(/\.js$/, '.ts'))),
    )
    .map((path) => path.split('\\').join('/'))
}

const parsed = new Map<string, { static: string[]; all: string[] }>()

function moduleImports(file: string, imports: 'static' | 'all'): string[] {
  let found = parsed.get(file)
  if (found === undefined) {
    found = readImports(file)
    parsed.set(file, found)
  }
  return found[imports]
}

function readImports(file: string): { static: string[]; all: string[] } {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022)
  const loaded: string[] = []
  const onCall: string[] = []
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly)
      loaded.push(text(node.moduleSpecifier))
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier !== undefined && !node.isTypeOnly)
      loaded.push(text(node.moduleSpecifier))
    else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] !== undefined &&
      ts.isStringLiteral(node.arguments[0])
    )
      onCall.push(node.arguments[0].text)
    ts.forEachChild(node, visit)
  }
  visit(source)
  return { static: loaded, all: [...loaded, ...onCall] }
}

function text(specifier: ts.Expression): string {
  return (specifier as ts.StringLiteral).text
}
