import { Type, type Static } from '@sinclair/typebox'

import { Closed, DateString, Id, Name, Ref, Refs, StringEnum, Text } from './schema-helpers.js'
import {
  CHANGE_TYPES,
  COMPONENT_KINDS,
  SBOM_FORMATS,
  SUPPORT_LEVELS,
  SUPPORT_PHASES,
  UPDATE_METHODS,
} from './vocabulary.js'

const PurlSchema = Type.String({
  pattern: '^pkg:[A-Za-z.+-]+/',
  maxLength: 2000,
  description: 'Package URL',
})
const CpeSchema = Type.String({
  pattern: '^cpe:(2\\.3:[aho*-]:|/[aho]:)',
  maxLength: 2000,
  description: 'CPE 2.3 formatted string (or CPE 2.2 URI)',
})

const SbomRefSchema = Type.Object(
  {
    sbom: Ref('SBOM id'),
    bomRef: Type.Optional(Name('CycloneDX bom-ref or SPDX element id')),
    purl: Type.Optional(PurlSchema),
    cpe: Type.Optional(CpeSchema),
  },
  { ...Closed, description: 'Where the component appears in an SBOM: by bom-ref, purl or CPE' },
)

export const ComponentSchema = Type.Object(
  {
    id: Id('Component id'),
    name: Name('Component name as its supplier names it'),
    version: Name('Version string; quote it in YAML, e.g. "1.2"'),
    kind: StringEnum(COMPONENT_KINDS),
    supplier: Type.Optional(Name('Supplier or project')),
    elements: Type.Optional(Refs('Elements the component runs on or is part of')),
    purl: Type.Optional(PurlSchema),
    cpe: Type.Optional(CpeSchema),
    sbomRefs: Type.Optional(Type.Array(SbomRefSchema)),
    supportLevel: StringEnum(SUPPORT_LEVELS, { description: 'FDA: level of support' }),
    endOfSupport: Type.Optional(DateString('End of support by its supplier')),
    license: Type.Optional(Name('SPDX licence expression')),
    description: Type.Optional(Text('Details')),
  },
  Closed,
)

export const SbomSchema = Type.Object(
  {
    id: Id('SBOM id'),
    path: Type.String({
      minLength: 1,
      maxLength: 1000,
      description: 'Path of the SBOM file, relative to the model file that declares it',
    }),
    format: StringEnum(SBOM_FORMATS),
    elements: Type.Optional(Refs('Elements the SBOM describes')),
    description: Type.Optional(Text('Details')),
  },
  Closed,
)

const MilestonesSchema = Type.Object(
  {
    endOfLife: Type.Optional(
      DateString('IMDRF N70 end of life: no longer marketed; limited support begins'),
    ),
    endOfSupport: Type.Optional(
      DateString('IMDRF N70 end of support: all cybersecurity support ends'),
    ),
    endOfGuaranteedSupport: Type.Optional(
      DateString('Vendor practice, not an IMDRF term: last date patches are guaranteed'),
    ),
  },
  Closed,
)

export const ReleaseSchema = Type.Object(
  {
    version: Name('Release version; quote it in YAML, e.g. "2.1"'),
    date: DateString('Release date'),
    changeType: StringEnum(CHANGE_TYPES),
    updateMethod: Type.Optional(StringEnum(UPDATE_METHODS, { description: 'IMDRF N60 Table 2' })),
    milestones: Type.Optional(MilestonesSchema),
    supportPhase: Type.Optional(
      StringEnum(SUPPORT_PHASES, {
        description: 'Declared IMDRF N70 phase; overrides the phase computed from milestones',
      }),
    ),
    supportPhaseRationale: Type.Optional(Text('Why the declared phase differs from the dates')),
    sboms: Type.Optional(Refs('SBOMs of this release')),
    components: Type.Optional(Refs('Components in this release')),
    fullyDeployed: Type.Optional(
      DateString(
        'When the release reached every device in the field, to the extent known (FDA metric: time to deploy)',
      ),
    ),
    notes: Type.Optional(Text('Release notes relevant to security')),
  },
  Closed,
)

export type Component = Static<typeof ComponentSchema>
export type Sbom = Static<typeof SbomSchema>
export type Release = Static<typeof ReleaseSchema>
