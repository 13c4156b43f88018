import * as root from 'tidemark'
import { defineConfig, type TidemarkConfig } from 'tidemark/config'
import { expect, it } from 'vitest'

it('keeps defineConfig in tidemark/config, out of the runtime root', () => {
  expect(Object.keys(root)).not.toContain('defineConfig')
  const config: TidemarkConfig = { schema: './src/db/schema.ts', migrations: './migrations' }
  expect(defineConfig(config)).toBe(config)
})
