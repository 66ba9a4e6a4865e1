/** The VEX document formats medcyber writes (and reads from suppliers). */
export const VEX_FORMATS = ['cyclonedx', 'csaf', 'openvex'] as const
export type VexFormat = (typeof VEX_FORMATS)[number]
