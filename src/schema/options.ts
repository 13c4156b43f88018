/** ON DELETE / ON UPDATE actions of a foreign key. */
export type ForeignKeyAction = 'no action' | 'restrict' | 'cascade' | 'set null' | 'set default'

/**
 * Sequence parameters (identity columns and standalone sequences). Numbers may be given as
 * number, bigint or a decimal string; they are kept as strings so 64-bit bounds stay exact.
 */
export interface SequenceOptions {
  readonly name?: string
  readonly start?: number | bigint | string
  readonly increment?: number | bigint | string
  readonly minValue?: number | bigint | string
  readonly maxValue?: number | bigint | string
  readonly cache?: number | bigint | string
  readonly cycle?: boolean
}
