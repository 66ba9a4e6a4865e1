import { describe, expect, it } from 'vitest'

import { createIdAllocator, isMedcyberId, preferredId, slugify } from './id-allocator.js'

describe('slugify', () => {
  it.each([
    ['Web Server (DMZ)', 'web-server-dmz'],
    ['Café Überwachung', 'cafe-uberwachung'],
    ['  --Mixed__Case--  ', 'mixed-case'],
    ['東京', ''],
    ['a'.repeat(100), 'a'.repeat(60)],
    [
      'an adversary can gain access to sensitive data by performing SQL injection',
      'an-adversary-can-gain-access-to-sensitive-data-by-performing',
    ],
  ])('%s → %s', (text, slug) => {
    expect(slugify(text)).toBe(slug)
    if (slug !== '') expect(isMedcyberId(slug)).toBe(true)
  })
})

describe('preferredId', () => {
  it.each([
    ['apache-webserver', 'Apache Webserver', 'apache-webserver'],
    ['Web_DMZ', 'Web DMZ', 'web-dmz'],
    ['22724267-be7e-44c0-8b1f-d7d33e9a34ec', 'Threat 1', 'threat-1'],
    ['55', 'Weak TLS settings', 'weak-tls-settings'],
    [undefined, 'Browser', 'browser'],
    [undefined, undefined, 'element'],
  ])('id %s, name %s → %s', (id, name, expected) => {
    expect(preferredId(id, name, 'element')).toBe(expected)
  })
})

describe('createIdAllocator', () => {
  it('keeps ids unique across kinds, in the order asked, and says which were renamed', () => {
    const ids = createIdAllocator()
    expect(ids.allocate('server', "element 'Server'")).toBe('server')
    expect(ids.allocate('server', "flow 'Server'")).toBe('server-2')
    expect(ids.allocate('server', "threat 'Server'")).toBe('server-3')
    expect(ids.allocate('Not A Slug!', 'x')).toBe('not-a-slug')
    expect(ids.allocate('x'.repeat(80), 'long')).toBe('x'.repeat(80))
    expect(ids.allocate('x'.repeat(80), 'long again')).toBe(`${'x'.repeat(78)}-2`)
    expect(ids.renamed()).toEqual([
      "flow 'Server': given id 'server-2' because 'server' was taken; check whether both are the same thing",
      "threat 'Server': given id 'server-3' because 'server' was taken; check whether both are the same thing",
      `long again: given id '${'x'.repeat(78)}-2' because '${'x'.repeat(80)}' was taken; check whether both are the same thing`,
    ])
  })
})
