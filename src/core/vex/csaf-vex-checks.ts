/**
 * The CSAF 2.0 mandatory tests (section 6.1) that concern a VEX document's products and
 * statuses, for documents that already pass the CSAF JSON schema. Written because
 * @secvisogram/csaf-validator-lib is not a dependency; proven against the OASIS test corpus.
 */
export interface CsafVexProblem {
  /** The CSAF test id, e.g. `6.1.27.9`. */
  readonly test: string
  readonly message: string
}

type Json = Record<string, unknown>

const objects = (value: unknown): Json[] =>
  Array.isArray(value)
    ? value.filter((item): item is Json => typeof item === 'object' && item !== null)
    : []
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []
const object = (value: unknown): Json | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined

const definedInBranches = (branches: unknown): string[] =>
  objects(branches).flatMap((branch) => [
    ...strings([object(branch['product'])?.['product_id']]),
    ...definedInBranches(branch['branches']),
  ])

/** Every product id the tree defines, duplicates kept. */
const definedProductIds = (tree: Json | undefined): string[] => [
  ...definedInBranches(tree?.['branches']),
  ...objects(tree?.['full_product_names']).flatMap((name) => strings([name['product_id']])),
  ...objects(tree?.['relationships']).flatMap((relation) =>
    strings([object(relation['full_product_name'])?.['product_id']]),
  ),
]

const STATUS_GROUPS: Readonly<Record<string, string>> = {
  first_affected: 'affected',
  known_affected: 'affected',
  last_affected: 'affected',
  known_not_affected: 'not affected',
  first_fixed: 'fixed',
  fixed: 'fixed',
  under_investigation: 'under investigation',
}

/** Product ids a vulnerability part names directly or through product groups. */
const productsOf = (item: Json, groups: ReadonlyMap<string, readonly string[]>): string[] => [
  ...strings(item['product_ids']),
  ...strings(item['group_ids']).flatMap((id) => groups.get(id) ?? []),
]

const referencedIds = (document: Json): string[] => {
  const tree = object(document['product_tree'])
  const fromTree = [
    ...objects(tree?.['product_groups']).flatMap((group) => strings(group['product_ids'])),
    ...objects(tree?.['relationships']).flatMap((relation) =>
      strings([relation['product_reference'], relation['relates_to_product_reference']]),
    ),
  ]
  const fromVulnerabilities = objects(document['vulnerabilities']).flatMap((vulnerability) => [
    ...Object.values(object(vulnerability['product_status']) ?? {}).flatMap(strings),
    ...['flags', 'threats', 'remediations', 'involvements'].flatMap((key) =>
      objects(vulnerability[key]).flatMap((item) => strings(item['product_ids'])),
    ),
    ...objects(vulnerability['scores']).flatMap((score) => strings(score['products'])),
  ])
  return [...fromTree, ...fromVulnerabilities]
}

const productProblems = (document: Json): CsafVexProblem[] => {
  const defined = definedProductIds(object(document['product_tree']))
  const known = new Set(defined)
  const problems: CsafVexProblem[] = []
  for (const id of new Set(referencedIds(document))) {
    if (!known.has(id))
      problems.push({ test: '6.1.1', message: `product id '${id}' is not defined` })
  }
  const seen = new Set<string>()
  for (const id of defined) {
    if (seen.has(id))
      problems.push({ test: '6.1.2', message: `product id '${id}' is defined twice` })
    seen.add(id)
  }
  return problems
}

const statusProblems = (vulnerability: Json, at: string): CsafVexProblem[] => {
  const groupOf = new Map<string, string>()
  const problems: CsafVexProblem[] = []
  for (const [status, ids] of Object.entries(object(vulnerability['product_status']) ?? {})) {
    const group = STATUS_GROUPS[status]
    if (group === undefined) continue
    for (const id of strings(ids)) {
      const previous = groupOf.get(id)
      if (previous !== undefined && previous !== group) {
        problems.push({
          test: '6.1.6',
          message: `${at}: product '${id}' is both ${previous} and ${group}`,
        })
      }
      groupOf.set(id, group)
    }
  }
  return problems
}

const referenceProblems = (vulnerability: Json, at: string): CsafVexProblem[] => [
  ...objects(vulnerability['remediations'])
    .filter((item) => item['product_ids'] === undefined && item['group_ids'] === undefined)
    .map(() => ({ test: '6.1.29', message: `${at}: a remediation names no product` })),
  ...objects(vulnerability['flags'])
    .filter((item) => item['product_ids'] === undefined && item['group_ids'] === undefined)
    .map(() => ({ test: '6.1.32', message: `${at}: a flag names no product` })),
]

const flagProblems = (
  vulnerability: Json,
  groups: ReadonlyMap<string, readonly string[]>,
  at: string,
): CsafVexProblem[] => {
  const flagged = objects(vulnerability['flags']).flatMap((flag) => [
    ...new Set(productsOf(flag, groups)),
  ])
  const repeated = [...new Set(flagged.filter((id, index) => flagged.indexOf(id) !== index))]
  return repeated.map((id) => ({
    test: '6.1.33',
    message: `${at}: product '${id}' has more than one VEX justification flag`,
  }))
}

const vexStatusProblems = (
  vulnerability: Json,
  groups: ReadonlyMap<string, readonly string[]>,
  at: string,
): CsafVexProblem[] => {
  const status = object(vulnerability['product_status']) ?? {}
  const problems: CsafVexProblem[] = []
  const vexKeys = ['fixed', 'known_affected', 'known_not_affected', 'under_investigation']
  if (!vexKeys.some((key) => status[key] !== undefined)) {
    problems.push({
      test: '6.1.27.7',
      message: `${at}: no fixed, known_affected, known_not_affected or under_investigation`,
    })
  }
  if (vulnerability['cve'] === undefined && vulnerability['ids'] === undefined) {
    problems.push({ test: '6.1.27.8', message: `${at}: neither cve nor ids` })
  }
  const explained = new Set([
    ...objects(vulnerability['flags']).flatMap((flag) => productsOf(flag, groups)),
    ...objects(vulnerability['threats'])
      .filter((threat) => threat['category'] === 'impact')
      .flatMap((threat) => productsOf(threat, groups)),
  ])
  for (const id of strings(status['known_not_affected']).filter((id) => !explained.has(id))) {
    problems.push({
      test: '6.1.27.9',
      message: `${at}: not affected product '${id}' has no impact statement`,
    })
  }
  const remedied = new Set(
    objects(vulnerability['remediations']).flatMap((item) => productsOf(item, groups)),
  )
  for (const id of strings(status['known_affected']).filter((id) => !remedied.has(id))) {
    problems.push({
      test: '6.1.27.10',
      message: `${at}: affected product '${id}' has no action statement`,
    })
  }
  return problems
}

const profileProblems = (document: Json, category: unknown): CsafVexProblem[] => {
  const problems: CsafVexProblem[] = []
  const vulnerabilities = objects(document['vulnerabilities'])
  const needsTree = category === 'csaf_security_advisory' || category === 'csaf_vex'
  if (needsTree && document['product_tree'] === undefined) {
    problems.push({ test: '6.1.27.4', message: 'the document has no product_tree' })
  }
  if (needsTree && document['vulnerabilities'] === undefined) {
    problems.push({ test: '6.1.27.11', message: 'the document has no vulnerabilities' })
  }
  vulnerabilities.forEach((vulnerability, index) => {
    const at = `vulnerabilities[${String(index)}]`
    if (needsTree && vulnerability['notes'] === undefined) {
      problems.push({ test: '6.1.27.5', message: `${at}: no notes` })
    }
    if (category === 'csaf_security_advisory' && vulnerability['product_status'] === undefined) {
      problems.push({ test: '6.1.27.6', message: `${at}: no product_status` })
    }
  })
  return problems
}

const groupsOf = (document: Json): Map<string, string[]> =>
  new Map(
    objects(object(document['product_tree'])?.['product_groups']).map((group) => [
      String(group['group_id']),
      strings(group['product_ids']),
    ]),
  )

/**
 * Mandatory tests 6.1.1, 6.1.2, 6.1.6, 6.1.23, 6.1.27.4-6.1.27.11, 6.1.29, 6.1.32 and 6.1.33;
 * the VEX-only ones (6.1.27.7-10) for `csaf_vex` documents.
 */
export const checkCsafVex = (document: Json): CsafVexProblem[] => {
  const category = object(document['document'])?.['category']
  const groups = groupsOf(document)
  const vulnerabilities = objects(document['vulnerabilities'])
  const cves = vulnerabilities.flatMap((vulnerability) => strings([vulnerability['cve']]))
  return [
    ...productProblems(document),
    ...profileProblems(document, category),
    ...[...new Set(cves.filter((cve, index) => cves.indexOf(cve) !== index))].map((cve) => ({
      test: '6.1.23',
      message: `${cve} appears in more than one vulnerability`,
    })),
    ...vulnerabilities.flatMap((vulnerability, index) => {
      const at = `vulnerabilities[${String(index)}]`
      return [
        ...statusProblems(vulnerability, at),
        ...referenceProblems(vulnerability, at),
        ...flagProblems(vulnerability, groups, at),
        ...(category === 'csaf_vex' ? vexStatusProblems(vulnerability, groups, at) : []),
      ]
    }),
  ]
}
