import type {
  Control,
  CredentialKind,
  ElementKind,
  Encryption,
  FlowAuthentication,
  IntegrityProtection,
  InterfaceStatus,
  InterfaceType,
  Owner,
  PayloadKind,
  TrustBoundary,
} from '../model/index.js'

/**
 * The four security architecture view types of FDA premarket guidance (2025) section V.B.2:
 * global system, multi-patient harm, updatability/patchability and one security use case view
 * per clinical function whose compromise could affect safety or effectiveness.
 */
export const VIEW_KINDS = ['global', 'multi-patient', 'update', 'use-case'] as const
export type ViewKind = (typeof VIEW_KINDS)[number]

/** Which view to select: a use case view names its clinical function. */
export type ViewSpec = 'global' | 'multi-patient' | 'update' | { readonly useCase: string }

/** A view a model offers, with the id the command line uses for it (`use-case:<function id>`). */
export interface AvailableView {
  readonly id: string
  readonly kind: ViewKind
  readonly spec: ViewSpec
  readonly title: string
}

/** Data flow diagram roles, which decide the shape an element is drawn with. */
export const DFD_ROLES = ['process', 'data-store', 'external-entity', 'network'] as const
export type DfdRole = (typeof DFD_ROLES)[number]

export interface ViewInterface {
  readonly id: string
  readonly name?: string
  readonly type: InterfaceType
  readonly status: InterfaceStatus
}

export interface ViewElement {
  readonly id: string
  readonly name: string
  readonly kind: ElementKind
  readonly owner: Owner
  readonly role: DfdRole
  readonly partOfDevice: boolean
  readonly quantity?: number
  /** Every interface of the element, used or not: unused ones are attack surface too. */
  readonly interfaces: readonly ViewInterface[]
  /** The user roles that act on the element, which FDA asks views to identify. */
  readonly roles: readonly ViewRole[]
  /** Ids of the controls that name the element or one of its interfaces. */
  readonly controls: readonly string[]
}

export interface ViewRole {
  readonly id: string
  readonly name: string
  /** Can change configuration, software or therapy limits. */
  readonly privileged: boolean
}

/**
 * A security property a flow lacks although what it carries needs it: the diagram draws these
 * in red. Only flows that carry commands, software, configuration, credentials or sensitive
 * data are judged, and not physical ones: a person at the element's own screen and keys, or a
 * signal from an external entity with no interface listed (electrodes on a patient).
 */
export const FLOW_WEAKNESSES = [
  'no-authentication',
  'weak-credentials',
  'no-encryption',
  'no-integrity',
  'crc-only',
  'no-replay-protection',
] as const
export type FlowWeakness = (typeof FLOW_WEAKNESSES)[number]

export interface FlowSecurity {
  readonly authentication: FlowAuthentication
  readonly credentials?: CredentialKind
  readonly encryption: Encryption
  readonly encryptionVersion?: string
  readonly integrity: IntegrityProtection
  readonly replayProtection: boolean
}

export interface ViewFlow {
  readonly id: string
  readonly name: string
  readonly from: string
  readonly to: string
  readonly protocol: string
  readonly payload: readonly PayloadKind[]
  readonly intermediaries: readonly string[]
  /** Releases the flow is limited to; empty when it exists in every release. */
  readonly releases: readonly string[]
  readonly bidirectional: boolean
  readonly security: FlowSecurity
  /** Carries commands, software, configuration, credentials or sensitive data, and is not physical. */
  readonly critical: boolean
  readonly weaknesses: readonly FlowWeakness[]
  /** Trust boundaries that hold exactly one end of the flow. */
  readonly crossedBoundaries: readonly string[]
  readonly controls: readonly string[]
}

/**
 * A trust boundary that holds something shown. `elements` are the shown elements placed directly
 * in it: an element listed in several boundaries is placed in the innermost one, so the boundaries
 * form a tree a diagram can draw.
 */
export interface ViewBoundary {
  readonly id: string
  readonly name: string
  readonly kind: TrustBoundary['kind']
  readonly elements: readonly string[]
  readonly boundaries: readonly ViewBoundary[]
  readonly controls: readonly string[]
}

/** A control that applies to something shown, for the trace from architecture to controls. */
export interface ViewControl {
  readonly id: string
  readonly name: string
  readonly category: Control['category']
  readonly status: Control['status']
  /** The shown elements, flows and trust boundaries it names (an interface counts as its element). */
  readonly appliesTo: readonly string[]
}

/** What the view is about, drawn emphasised; `meaning` says why, for the legend. */
export interface ViewHighlights {
  readonly meaning: string
  /** A few words to mark a highlighted element with, e.g. "reaches many patients". */
  readonly badge: string
  readonly elements: readonly string[]
  readonly flows: readonly string[]
}

/** What one architecture view shows and the text that explains it; everything sorted by id. */
export interface ArchitectureView {
  readonly id: string
  readonly kind: ViewKind
  readonly title: string
  /** A few sentences generated from the model, for the text that goes with the diagram. */
  readonly description: string
  readonly elements: readonly ViewElement[]
  readonly flows: readonly ViewFlow[]
  /** The outermost boundaries; nested ones hang below them. */
  readonly boundaries: readonly ViewBoundary[]
  readonly controls: readonly ViewControl[]
  readonly highlights: ViewHighlights
}

export interface ViewError {
  readonly code: 'unknown-use-case'
  readonly message: string
}
