// Stands in for every database driver in `npm run test:unit` (see vitest.unit.config.ts).
throw new Error(
  'This test reaches a database, so it cannot run in test:unit: add a `// @needs-database` comment to the test file',
)
