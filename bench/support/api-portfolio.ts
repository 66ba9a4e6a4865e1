// The portfolio the API load benchmark serves: the four example devices imported 25 times each
// (100 products), their findings, and a viewer on every product with an API token.
import { readdir } from 'node:fs/promises'
import path from 'node:path'

import { issueApiToken } from '../../src/server/auth/issue-credentials.js'
import { scanTargetsOfRelease } from '../../src/services/advisory-scan.js'
import {
  createProductFromFiles,
  loadModelFromFiles,
  readModelFolder,
} from '../../src/services/index.js'
import { createUser, grantRole, type Store } from '../../src/store/index.js'
import { findingRowsOf, writeFindings, type ReleaseComponents } from './api-findings.js'
import { seededRandom } from './random.js'

export const COPIES_PER_EXAMPLE = 25

export interface PortfolioProduct {
  readonly id: string
  readonly releases: readonly string[]
}

export interface Portfolio {
  readonly products: readonly PortfolioProduct[]
  readonly findings: number
  readonly kev: number
  /** `Authorization` header value of a viewer on `*`. */
  readonly authorization: string
  readonly seconds: { readonly products: number; readonly findings: number }
}

interface Example {
  readonly files: Awaited<ReturnType<typeof readModelFolder>>
  readonly productId: string
  readonly releases: readonly { readonly version: string; readonly components: string[] }[]
}

const readExamples = async (folder: string): Promise<Example[]> => {
  const names = (await readdir(folder, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
  const examples: Example[] = []
  for (const name of names) {
    const files = await readModelFolder(path.join(folder, name))
    const { model } = await loadModelFromFiles(files)
    if (model === undefined) throw new Error(`examples/${name} does not load`)
    examples.push({
      files,
      productId: model.product.id,
      releases: model.releases.map((release) => ({
        version: release.version,
        components: scanTargetsOfRelease(model, release.version).map((target) => target.id),
      })),
    })
  }
  if (examples.length !== 4)
    throw new Error(`expected 4 examples, found ${String(examples.length)}`)
  return examples
}

const viewerToken = async (store: Store): Promise<string> => {
  const user = await createUser(store, {
    username: 'bench-viewer',
    displayName: 'API load benchmark',
    passwordHash: null,
  })
  if (user === undefined) throw new Error('bench-viewer exists already')
  await grantRole(store, user.id, { productId: '*', role: 'viewer' })
  const { secret } = await issueApiToken(store, user.id, 'api-load bench', null)
  return `Bearer ${secret}`
}

/** Loads the portfolio into an empty store; findings come from a PRNG seeded with `seed`. */
export const loadPortfolio = async (
  store: Store,
  examplesFolder: string,
  seed: number,
): Promise<Portfolio> => {
  const examples = await readExamples(examplesFolder)
  const started = performance.now()
  const products: PortfolioProduct[] = []
  const targets: ReleaseComponents[] = []
  for (let copy = 1; copy <= COPIES_PER_EXAMPLE; copy += 1) {
    for (const example of examples) {
      const productId = `${example.productId}-${String(copy).padStart(2, '0')}`
      const created = await createProductFromFiles(store, example.files, {
        actor: 'bench',
        reason: 'API load benchmark portfolio',
        productId,
      })
      if (!created.ok) throw new Error(`${productId} was not created: ${created.error.code}`)
      products.push({ id: productId, releases: example.releases.map((r) => r.version) })
      for (const release of example.releases) {
        targets.push({ productId, release: release.version, components: release.components })
      }
    }
  }
  const imported = performance.now()
  const next = seededRandom(seed)
  const rows = targets.flatMap((target) => findingRowsOf(next, target))
  await writeFindings(store, rows)
  const written = performance.now()
  return {
    products,
    findings: rows.length,
    kev: rows.filter((row) => row.kev === 1).length,
    authorization: await viewerToken(store),
    seconds: { products: (imported - started) / 1000, findings: (written - imported) / 1000 },
  }
}
