import { componentPastEndOfSupport } from './rules/component-past-end-of-support.js'
import { debugPortEnabled } from './rules/debug-port-enabled.js'
import { unauthenticatedTherapyCommand } from './rules/unauthenticated-therapy-command.js'
import type { ThreatRule } from './threat-rule.js'

/** The built-in threat rules, in id order. */
export const BUILT_IN_RULES: readonly ThreatRule[] = [
  componentPastEndOfSupport,
  debugPortEnabled,
  unauthenticatedTherapyCommand,
]
