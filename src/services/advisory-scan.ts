import {
  compileAffected,
  csafTargetMatcher,
  findAdvisoryMatches,
  resolveTriage,
  scanTargetsOfModel,
  toFindings,
  type Advisory,
  type AdvisoryIndex,
  type AdvisorySource,
  type CsafTargetMatcher,
  type DeviceModel,
  type Enrichment,
  type Finding,
  type FindingAssessment,
  type ScanTarget,
} from '../core/index.js'
import { openAdvisoryStore } from '../feeds/index.js'

/** The sources matched against components; KEV and EPSS only enrich what they find. */
const MATCHED_SOURCES: readonly AdvisorySource[] = ['osv', 'nvd', 'csaf']

type AdvisoryStore = Awaited<ReturnType<typeof openAdvisoryStore>>

async function* allAdvisories(store: AdvisoryStore): AsyncGenerator<Advisory> {
  for (const source of MATCHED_SOURCES) yield* store.advisories(source)
}

/** The advisory store read for matching: every advisory, and KEV and EPSS by CVE. */
export interface LoadedAdvisories {
  readonly generation: string
  readonly advisories: readonly Advisory[]
  readonly enrichment: Enrichment
}

/** The store's matching index, opened lazily from the files sync wrote: what a scan needs. */
export interface OpenedAdvisories {
  readonly generation: string
  readonly index: AdvisoryIndex
  readonly enrichment: Enrichment
  /** Closes the files the index reads from. */
  readonly close: () => void
}

/** KEV and EPSS by CVE, as matching enriches findings with them. */
const enrichmentOf = async (store: AdvisoryStore): Promise<Enrichment> => {
  const kev = await store.kev()
  const epss = await store.epss()
  return {
    kev: (cve) => {
      const entry = kev?.entries.get(cve)
      return entry === undefined
        ? undefined
        : {
            dateAdded: entry.dateAdded,
            dueDate: entry.dueDate,
            knownRansomwareCampaignUse: entry.knownRansomwareCampaignUse,
          }
    },
    epss: (cve) => epss?.scores.get(cve),
  }
}

/** The generation readers see now; undefined for a store that was never synced. */
export const advisoryGeneration = async (dataDir: string): Promise<string | undefined> =>
  (await openAdvisoryStore(dataDir)).generation

/** Every advisory of the store in `dataDir` read into memory; undefined when it is empty. */
export const loadAdvisoriesAt = async (dataDir: string): Promise<LoadedAdvisories | undefined> => {
  const store = await openAdvisoryStore(dataDir)
  if (store.generation === undefined) return undefined
  const advisories: Advisory[] = []
  for await (const advisory of allAdvisories(store)) advisories.push(advisory)
  return { generation: store.generation, advisories, enrichment: await enrichmentOf(store) }
}

/** The matching index of the store in `dataDir`; undefined when it is empty. Close it when done. */
export const openAdvisoryIndexAt = async (
  dataDir: string,
): Promise<OpenedAdvisories | undefined> => {
  const store = await openAdvisoryStore(dataDir)
  if (store.generation === undefined) return undefined
  const { index, close } = await store.matchIndex(MATCHED_SOURCES)
  return { generation: store.generation, index, close, enrichment: await enrichmentOf(store) }
}

export const compileAffectedPredicate = (
  affected: Parameters<typeof compileAffected>[0],
): ((version: string) => boolean) => compileAffected(affected).isAffected

/**
 * The decisions that apply: for one release, its own assessments and those carried over from an
 * earlier release while the component is unchanged, so an unchanged component is not shown as
 * untriaged again in every new release.
 */
export const triageFor = (
  model: DeviceModel | undefined,
  release: string | undefined,
): readonly FindingAssessment[] => {
  if (model === undefined) return []
  if (release === undefined) return model.findingAssessments
  return resolveTriage(model, { release }).map((item) => ({
    ...item.assessment,
    releases: [item.release],
  }))
}

/** The model's components shipped in the release, or all of them without one. */
export const scanTargetsOfRelease = (
  model: DeviceModel,
  release: string | undefined,
): ScanTarget[] =>
  scanTargetsOfModel(model).filter(
    (target) => release === undefined || target.releases.includes(release),
  )

/**
 * The findings of these components against the advisories, triaged as the model decides for the
 * release. One CSAF matcher can serve many scans against the same advisories (it keeps each
 * document's compiled products).
 */
export const findingsFor = (
  advisories: Pick<OpenedAdvisories, 'index' | 'enrichment'>,
  targets: readonly ScanTarget[],
  model: DeviceModel | undefined,
  release: string | undefined,
  csafMatcher: CsafTargetMatcher = csafTargetMatcher(),
): Finding[] =>
  toFindings(
    findAdvisoryMatches(advisories.index, targets, { csafMatcher }),
    advisories.enrichment,
    triageFor(model, release),
    release === undefined ? {} : { release },
  )
