import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { tempDir } from '../../../test/support/temp-dir.js'
import { createMirrorFetcher, mirrorPath } from './mirror-fetcher.js'

const setup = () => {
  const root = tempDir('mirror')
  mkdirSync(path.join(root, 'osv', 'Rocky Linux'), { recursive: true })
  writeFileSync(path.join(root, 'osv', 'Rocky Linux', 'all.zip'), 'zip bytes')
  writeFileSync(path.join(root, 'secret.txt'), 'outside the osv folder')
  const mappings = [{ urlPrefix: 'https://osv.example/', folder: path.join(root, 'osv') }]
  return { root, mappings, fetcher: createMirrorFetcher(mappings) }
}

describe('mirror fetcher', () => {
  it('maps a URL to the file at the same path, decoding each segment', async () => {
    const { root, fetcher } = setup()
    const result = await fetcher.bytes({
      url: 'https://osv.example/Rocky%20Linux/all.zip',
      maxBytes: 100,
    })
    expect(
      result.ok && !result.value.notModified && Buffer.from(result.value.body).toString(),
    ).toBe('zip bytes')
    const file = await fetcher.file(
      { url: 'https://osv.example/Rocky%20Linux/all.zip', maxBytes: 100 },
      '/unused',
    )
    expect(file.ok && !file.value.notModified && file.value.body).toBe(
      path.join(root, 'osv', 'Rocky Linux', 'all.zip'),
    )
  })

  it('refuses URLs that would leave the mirror folder, however they are spelled', () => {
    const { mappings } = setup()
    for (const url of [
      'https://osv.example/../secret.txt',
      'https://osv.example/%2e%2e/secret.txt',
      'https://osv.example/PyPI%2F..%2F..%2Fsecret.txt',
      'https://osv.example/a//b',
      'https://osv.example/%ZZ',
      'https://elsewhere.example/x',
    ]) {
      const result = mirrorPath(mappings, url)
      expect(result.ok ? result.value : result.error.kind, url).toBe('bad-url')
    }
  })

  it('answers a missing file as not-found and an unchanged one as not modified', async () => {
    const { root, fetcher } = setup()
    const missing = await fetcher.bytes({ url: 'https://osv.example/PyPI/all.zip', maxBytes: 100 })
    expect(missing.ok ? undefined : missing.error.kind).toBe('not-found')
    const url = 'https://osv.example/Rocky%20Linux/all.zip'
    const first = await fetcher.bytes({ url, maxBytes: 100 })
    const validators = first.ok && !first.value.notModified ? first.value.validators : {}
    expect((await fetcher.bytes({ url, maxBytes: 100, validators })).ok).toBe(true)
    const same = await fetcher.bytes({ url, maxBytes: 100, validators })
    expect(same.ok && same.value.notModified).toBe(true)
    const file = path.join(root, 'osv', 'Rocky Linux', 'all.zip')
    writeFileSync(file, 'new zip bytes')
    utimesSync(file, new Date(), new Date(Date.now() + 5000))
    const changed = await fetcher.bytes({ url, maxBytes: 100, validators })
    expect(
      changed.ok && !changed.value.notModified && Buffer.from(changed.value.body).toString(),
    ).toBe(readFileSync(file, 'utf8'))
  })

  it('refuses a file over the size limit', async () => {
    const { fetcher } = setup()
    const result = await fetcher.bytes({
      url: 'https://osv.example/Rocky%20Linux/all.zip',
      maxBytes: 3,
    })
    expect(result.ok ? undefined : result.error.kind).toBe('too-large')
  })
})
