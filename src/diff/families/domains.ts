import type { CheckModel, ColumnModel, DomainModel, SchemaModel } from '../../model/types.js'
import type { ObjectRef, TypeColumnUse } from '../change-parts.js'
import { classifyTypeChange } from '../type-change.js'
import { authoredDefault, authoredDomain } from './authored-parts.js'
import { commentDrafts, type DriftDraft } from './drift-drafts.js'
import { asWritten, type FamilyEntries, noHazards } from './kind-entry.js'
import { rebuildRewriteHazards } from './type-rebuilds.js'
import { commentVerb, hazard, label } from './words.js'

/** Domains: create, drop, what ALTER DOMAIN changes, and the rebuild for what it cannot. */
export type DomainChange =
  | { readonly kind: 'create-domain'; readonly domain: DomainModel }
  | { readonly kind: 'drop-domain'; readonly domain: DomainModel }
  | {
      readonly kind: 'set-domain-default'
      readonly domain: ObjectRef
      readonly from: string | null
      readonly to: string | null
    }
  | {
      /** SET NOT NULL checks every column of the domain (`inUse`: there are columns to check). */
      readonly kind: 'set-domain-not-null'
      readonly domain: ObjectRef
      readonly notNull: boolean
      readonly inUse: boolean
    }
  | {
      /**
       * ADD CONSTRAINT checks every column of the domain (`inUse`: there are columns to check).
       * PostgreSQL cannot check values held inside arrays or composite types: there (`validated`
       * false) the check is added NOT VALID, binding new values only.
       */
      readonly kind: 'add-domain-check'
      readonly domain: ObjectRef
      readonly check: CheckModel
      readonly inUse: boolean
      readonly validated: boolean
    }
  | { readonly kind: 'drop-domain-check'; readonly domain: ObjectRef; readonly check: CheckModel }
  | {
      /**
       * A new base type or collation, which ALTER DOMAIN cannot change (or a type it stands on is
       * rebuilt): once detached, the domain is created again and its columns return to it.
       */
      readonly kind: 'replace-domain'
      readonly from: DomainModel
      readonly to: DomainModel
      readonly columns: readonly TypeColumnUse[]
    }
  | {
      readonly kind: 'set-domain-comment'
      readonly domain: ObjectRef
      readonly from: string | null
      readonly to: string | null
    }

const changed = (ref: ObjectRef, detail: string): DriftDraft[] => [
  { object: 'domain', name: label(ref), state: 'changed', detail },
]

const find = (model: SchemaModel, ref: ObjectRef): DomainModel | undefined =>
  model.domains.find((d) => d.schema === ref.schema && d.name === ref.name)

/** A column of the given type, for comparing a domain's old and new base types as columns. */
const columnOf = (type: string): ColumnModel => ({
  name: '',
  type,
  dimensions: 0,
  notNull: false,
  default: null,
  identity: null,
  generated: null,
  collation: null,
  comment: null,
})

// A domain dropped here goes only after the columns that used it (whose changes carry the hazards).
export const domainKinds: FamilyEntries<DomainChange> = {
  'create-domain': {
    describe: (change) => `create domain ${label(change.domain)}`,
    hazards: noHazards,
    drift: (change) => [{ object: 'domain', name: label(change.domain), state: 'added' }],
    authored: (change, source) => ({
      ...change,
      domain: authoredDomain(change.domain, source.domain(change.domain)),
    }),
  },
  'drop-domain': {
    describe: (change) => `drop domain ${label(change.domain)}`,
    hazards: noHazards,
    drift: (change) => [{ object: 'domain', name: label(change.domain), state: 'missing' }],
    authored: asWritten,
  },
  'set-domain-default': {
    describe: (change) => `${change.to === null ? 'drop' : 'set'} default of domain ${label(change.domain)}`,
    hazards: noHazards,
    drift: (change) => {
      const { from, to } = change
      const detail =
        to === null
          ? `default removed (was ${from})`
          : from === null
            ? `default added (${to})`
            : `default changed from ${from} to ${to}`
      return changed(change.domain, detail)
    },
    authored: (change, source) => {
      const written = source.domain(change.domain)
      return change.to === null || written?.default == null ? change : { ...change, to: written.default }
    },
  },
  'set-domain-not-null': {
    describe: (change) => `${change.notNull ? 'set' : 'drop'} not null on domain ${label(change.domain)}`,
    hazards: (change) =>
      change.notNull && change.inUse
        ? [
            hazard(
              'long-lock',
              `SET NOT NULL on domain ${label(change.domain)} scans every column that uses it under lock`,
            ),
          ]
        : [],
    drift: (change) => changed(change.domain, change.notNull ? 'NOT NULL added' : 'NOT NULL removed'),
    authored: asWritten,
  },
  'add-domain-check': {
    describe: (change) =>
      `add check ${change.check.name} to domain ${label(change.domain)}${change.validated ? '' : ' (NOT VALID: values inside arrays and composite types are not checked)'}`,
    hazards: (change) =>
      change.inUse && change.validated
        ? [
            hazard(
              'long-lock',
              `adding check ${change.check.name} to domain ${label(change.domain)} scans every column that uses it under lock`,
            ),
          ]
        : [],
    drift: (change, { expected }) => {
      const before = find(expected, change.domain)?.checks.some((c) => c.name === change.check.name)
      const name = change.check.name
      return changed(
        change.domain,
        before ? `check ${name} changed` : `check ${name} added outside migrations`,
      )
    },
    authored: (change, source) => {
      const written = source.domain(change.domain)?.checks.find((c) => c.name === change.check.name)
      return written === undefined ? change : { ...change, check: written }
    },
  },
  'drop-domain-check': {
    describe: (change) => `drop check ${change.check.name} of domain ${label(change.domain)}`,
    hazards: noHazards,
    drift: (change, { live }) => {
      // A check dropped and added again under its name is worded once, by the addition.
      const after = find(live, change.domain)?.checks.some((c) => c.name === change.check.name)
      return after ? [] : changed(change.domain, `check ${change.check.name} missing`)
    },
    authored: asWritten,
  },
  'replace-domain': {
    describe: (change) => `rebuild domain ${label(change.to)} as ${change.to.type}`,
    hazards: (change) => {
      const what = `domain ${label(change.to)}`
      const hazards = rebuildRewriteHazards(what, change.columns)
      if (hazards.length === 0) return hazards
      const kind = classifyTypeChange(columnOf(change.from.type), columnOf(change.to.type))
      if (kind === 'narrowing' || change.from.collation !== change.to.collation) {
        hazards.push(
          hazard(
            'data-loss',
            `${what} from ${change.from.type} to ${change.to.type}: values that do not fit fail or change`,
          ),
        )
      }
      return hazards
    },
    drift: (change) => {
      const { from, to } = change
      const details: string[] = []
      if (from.type !== to.type) details.push(`base type changed from ${from.type} to ${to.type}`)
      if (from.notNull !== to.notNull) details.push(to.notNull ? 'NOT NULL added' : 'NOT NULL removed')
      if (from.default !== to.default) details.push('default changed')
      const checks = (d: typeof from) => d.checks.map((c) => `${c.name} ${c.expression}`).join('\u0000')
      if (checks(from) !== checks(to)) details.push('checks changed')
      if (from.collation !== to.collation)
        details.push(`collation changed from ${from.collation ?? 'default'} to ${to.collation ?? 'default'}`)
      return changed(to, details.join(', ') || 'rebuilt with a type it stands on')
    },
    authored: (change, source) => ({
      ...change,
      to: authoredDomain(change.to, source.domain(change.to)),
      columns: change.columns.map((use) => authoredDefault(use, source)),
    }),
  },
  'set-domain-comment': {
    describe: (change) => `${commentVerb(change)} comment on domain ${label(change.domain)}`,
    hazards: noHazards,
    drift: (change) => commentDrafts('domain', label(change.domain), change.from, change.to),
    authored: asWritten,
  },
}
