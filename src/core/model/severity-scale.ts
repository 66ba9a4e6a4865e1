import type { SeverityLevel } from './safety-schema.js'

/**
 * FDA "Postmarket Management of Cybersecurity in Medical Devices" (2016), section VI.A, which
 * takes the qualitative severity levels from ISO 14971:2007 Annex D. Used when a model declares
 * no scale of its own.
 */
export const FDA_SEVERITY_SCALE: readonly SeverityLevel[] = [
  { id: 'negligible', name: 'Negligible', description: 'Inconvenience or temporary discomfort' },
  {
    id: 'minor',
    name: 'Minor',
    description:
      'Results in temporary injury or impairment not requiring professional medical intervention',
  },
  {
    id: 'serious',
    name: 'Serious',
    description: 'Results in injury or impairment requiring professional medical intervention',
  },
  {
    id: 'critical',
    name: 'Critical',
    description: 'Results in permanent impairment or life-threatening injury',
  },
  { id: 'catastrophic', name: 'Catastrophic', description: 'Results in patient death' },
]
