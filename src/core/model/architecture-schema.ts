import { Type, type Static } from '@sinclair/typebox'

import {
  Closed,
  Id,
  InReleases,
  Name,
  PORT_PATTERN,
  Ref,
  Refs,
  StringEnum,
  Text,
} from './schema-helpers.js'
import {
  ACTOR_KINDS,
  ASSET_CATEGORIES,
  ASSET_KINDS,
  AUTHENTICATION_FACTORS,
  CREDENTIAL_KINDS,
  DIRECTIONS,
  ELEMENT_KINDS,
  ENCRYPTIONS,
  FLOW_AUTHENTICATIONS,
  INTEGRITY_PROTECTIONS,
  INTERFACE_STATUSES,
  INTERFACE_TYPES,
  OWNERS,
  PAIRING_METHODS,
  PAYLOAD_KINDS,
  ROLE_KINDS,
  SECURITY_NEEDS,
  TRUST_BOUNDARY_KINDS,
} from './vocabulary.js'

export const ElementSchema = Type.Object(
  {
    id: Id('Element id'),
    name: Name('Element name'),
    kind: StringEnum(ELEMENT_KINDS),
    owner: StringEnum(OWNERS, { description: 'Who operates the element' }),
    partOfDevice: Type.Optional(
      Type.Boolean({
        description:
          'Whether the element is part of the medical device; defaults to true for device, device-component, accessory, mobile-app and desktop-app',
      }),
    ),
    quantity: Type.Optional(
      Type.Integer({
        minimum: 1,
        description: 'How many of this element one installation has (e.g. 32 bedside monitors)',
      }),
    ),
    description: Type.Optional(Text('What the element is and does')),
  },
  Closed,
)

export const InterfaceSchema = Type.Object(
  {
    id: Id('Interface id'),
    element: Ref('Element the interface belongs to'),
    name: Type.Optional(Name('Interface name')),
    type: StringEnum(INTERFACE_TYPES),
    status: StringEnum(INTERFACE_STATUSES, {
      description: 'active: used; unused: enabled but not needed; disabled: present but disabled',
    }),
    direction: Type.Optional(StringEnum(DIRECTIONS)),
    protocols: Type.Optional(Type.Array(Name('Protocol and version'), { uniqueItems: true })),
    ports: Type.Optional(
      Type.Array(Type.String({ pattern: PORT_PATTERN, description: 'e.g. 443/tcp' }), {
        uniqueItems: true,
      }),
    ),
    pairing: Type.Optional(
      StringEnum(PAIRING_METHODS, { description: 'Bluetooth pairing method' }),
    ),
    rangeMeters: Type.Optional(Type.Number({ minimum: 0, description: 'Typical radio range' })),
    requiresPhysicalContact: Type.Optional(Type.Boolean()),
    approvedDestinations: Type.Optional(Type.Array(Name('Approved end point'))),
    purpose: Type.Optional(Text('What the interface is for')),
    releases: InReleases(),
  },
  Closed,
)

const FlowAuthenticationSchema = Type.Object(
  {
    type: StringEnum(FLOW_AUTHENTICATIONS, {
      description: 'source: destination verifies source; destination: source verifies destination',
    }),
    mechanism: Type.Optional(
      Text('Mechanism, algorithm, strength, e.g. "mutual TLS, ECDSA P-256"'),
    ),
    credentials: Type.Optional(
      StringEnum(CREDENTIAL_KINDS, {
        description: 'individual (per person), per-device, shared, default or hard-coded',
      }),
    ),
  },
  Closed,
)

const FlowEncryptionSchema = Type.Object(
  {
    type: StringEnum(ENCRYPTIONS),
    version: Type.Optional(Name('Protocol version, e.g. "1.3"')),
    mechanism: Type.Optional(Text('Cipher suite, key type and length, key usage')),
  },
  Closed,
)

export const DataFlowSchema = Type.Object(
  {
    id: Id('Data flow id'),
    name: Name('Label shown on diagrams'),
    from: Ref('Source element'),
    to: Ref('Destination element'),
    interfaces: Type.Optional(
      Refs('Interfaces the flow uses, on either end or on an intermediary'),
    ),
    intermediaries: Type.Optional(Refs('Elements the flow passes through')),
    protocol: Name('Protocol, e.g. "HTTPS", "BLE GATT", "HL7 v2 over MLLP", "DICOM"'),
    payload: Type.Array(StringEnum(PAYLOAD_KINDS), { minItems: 1, uniqueItems: true }),
    assets: Type.Optional(Refs('Data assets carried')),
    authentication: FlowAuthenticationSchema,
    encryption: FlowEncryptionSchema,
    integrity: StringEnum(INTEGRITY_PROTECTIONS),
    replayProtection: Type.Boolean({
      description: 'Nonces, counters or timestamps reject replays',
    }),
    bidirectional: Type.Optional(
      Type.Boolean({ description: 'Responses flow back on the same path' }),
    ),
    description: Type.Optional(Text('Details, handoffs, behaviour when the path is cut')),
    releases: InReleases(),
  },
  Closed,
)

export const TrustBoundarySchema = Type.Object(
  {
    id: Id('Trust boundary id'),
    name: Name('Trust boundary name'),
    kind: StringEnum(TRUST_BOUNDARY_KINDS),
    elements: Refs('Elements inside the boundary'),
    boundaries: Type.Optional(Refs('Trust boundaries nested inside this one')),
    description: Type.Optional(Text('Details')),
  },
  Closed,
)

export const RoleSchema = Type.Object(
  {
    id: Id('Role id'),
    name: Name('Role name'),
    kind: StringEnum(ROLE_KINDS),
    privileged: Type.Boolean({
      description: 'Can change configuration, software or therapy limits',
    }),
    elements: Type.Optional(Refs('Elements where the role acts')),
    authentication: Type.Optional(
      Type.Array(StringEnum(AUTHENTICATION_FACTORS), { uniqueItems: true }),
    ),
    sharedAccount: Type.Optional(
      Type.Boolean({ description: 'People in this role share one account or password' }),
    ),
    description: Type.Optional(Text('Permissions and duties')),
  },
  Closed,
)

export const ActorSchema = Type.Object(
  {
    id: Id('Actor id'),
    name: Name('Actor name'),
    kind: StringEnum(ACTOR_KINDS),
    roles: Type.Optional(Refs('Roles the actor takes')),
    description: Type.Optional(Text('Details')),
  },
  Closed,
)

const SecurityNeedsSchema = Type.Object(
  {
    confidentiality: StringEnum(SECURITY_NEEDS),
    integrity: StringEnum(SECURITY_NEEDS),
    availability: StringEnum(SECURITY_NEEDS),
  },
  { ...Closed, description: 'Impact of losing each property, on the CVSS scale' },
)

export const AssetSchema = Type.Object(
  {
    id: Id('Asset id'),
    name: Name('Asset name'),
    kind: StringEnum(ASSET_KINDS),
    category: StringEnum(ASSET_CATEGORIES, { description: 'MITRE medical CVSS rubric category' }),
    security: SecurityNeedsSchema,
    elements: Type.Optional(Refs('Elements that store or perform it')),
    clinicalFunction: Type.Optional(Ref('Clinical function the asset serves')),
    description: Type.Optional(Text('Details')),
  },
  Closed,
)

export type Element = Static<typeof ElementSchema>
export type Interface = Static<typeof InterfaceSchema>
export type DataFlow = Static<typeof DataFlowSchema>
export type TrustBoundary = Static<typeof TrustBoundarySchema>
export type Role = Static<typeof RoleSchema>
export type Actor = Static<typeof ActorSchema>
export type Asset = Static<typeof AssetSchema>
