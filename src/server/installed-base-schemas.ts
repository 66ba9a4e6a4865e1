import { Type, type TSchema } from '@sinclair/typebox'

import { METRICS_BUCKETS } from '../core/index.js'

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])

export const InstalledBaseEntrySchema = Type.Object({
  customer: Type.String(),
  site: Type.String(),
  release: Type.String(),
  units: Type.Integer(),
  contactName: Type.Optional(Type.String()),
  contactEmail: Type.Optional(Type.String()),
  deployedOn: Type.String({ description: 'YYYY-MM-DD' }),
  retiredOn: Type.Optional(
    Type.String({ description: 'YYYY-MM-DD the site stopped running the release' }),
  ),
})

export const ReleaseExposureSchema = Type.Object({
  release: Type.String(),
  customers: Type.Integer(),
  sites: Type.Integer(),
  units: Type.Integer(),
})

export const InstalledBaseSchema = Type.Object({
  date: Type.String({ description: 'The day exposure is counted on' }),
  importedAt: Nullable(Type.String({ description: 'When the installed base was imported' })),
  entries: Type.Array(InstalledBaseEntrySchema),
  exposure: Type.Array(ReleaseExposureSchema, {
    description:
      'Per release of the model (and any other release someone runs): distinct customers, sites and units in service on the day',
  }),
})

export const InstalledBaseImportedSchema = Type.Object({
  rows: Type.Integer({ description: 'Rows imported' }),
  replaced: Type.Integer({ description: 'Rows of the previous installed base removed' }),
  importedAt: Type.String(),
})

const MetricsSchema = Type.Object({
  from: Type.Optional(Type.String()),
  to: Type.Optional(Type.String()),
  identified: Type.Integer(),
  patched: Type.Integer(),
  percentPatched: Nullable(Type.Number()),
  meanDaysToPatch: Nullable(Type.Number()),
  patchDurations: Type.Integer(),
  fixedBeforeIdentified: Type.Integer(),
  meanDaysToDeploy: Nullable(Type.Number()),
  deployDurations: Type.Integer(),
  deploymentsPending: Type.Integer(),
  vulnerabilities: Type.Array(
    Type.Object({
      finding: Type.String(),
      identified: Type.Optional(Type.String()),
      fixedIn: Type.Optional(Type.String()),
      patchAvailable: Type.Optional(Type.String()),
      fullyDeployed: Type.Optional(Type.String()),
      deploymentSource: Type.Optional(Type.String({ enum: ['installed-base', 'model'] })),
      sitesPending: Type.Optional(Type.Integer()),
    }),
  ),
})

export const ProductMetricsSchema = Type.Object({
  from: Type.String(),
  to: Type.String(),
  bucket: Type.String({ enum: [...METRICS_BUCKETS] }),
  asOf: Type.String(),
  installedBase: Type.Boolean({
    description: 'An installed base was imported; without one, deployment comes from the model',
  }),
  total: MetricsSchema,
  periods: Type.Array(
    Type.Object({
      label: Type.String({ description: 'e.g. 2025-03, 2025-Q1, 2025' }),
      from: Type.String(),
      to: Type.String(),
      metrics: MetricsSchema,
    }),
  ),
})
