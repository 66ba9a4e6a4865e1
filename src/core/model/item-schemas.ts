import {
  AssetSchema,
  DataFlowSchema,
  ElementSchema,
  InterfaceSchema,
  RoleSchema,
  TrustBoundarySchema,
} from './architecture-schema.js'
import { ComponentSchema } from './supply-chain-schema.js'

/** The schema of each kind of item rules can look at, for the names of its fields. */
export const ITEM_SCHEMAS = {
  dataFlow: DataFlowSchema,
  interface: InterfaceSchema,
  element: ElementSchema,
  component: ComponentSchema,
  asset: AssetSchema,
  role: RoleSchema,
  trustBoundary: TrustBoundarySchema,
} as const
