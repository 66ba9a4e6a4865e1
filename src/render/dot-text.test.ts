import { describe, expect, it } from 'vitest'

import { dotId, escapeDotText, wrapText } from './dot-text.js'

describe('escapeDotText', () => {
  it.each([
    ['plain text', 'Pump BLE radio', 'Pump BLE radio'],
    ['quotes', 'say "hi"', 'say &quot;hi&quot;'],
    ['backslashes and Graphviz escapes', String.raw`C:\N \G \l`, String.raw`C:\\N \\G \\l`],
    ['newlines and tabs', 'two\nlines\r\n\tand tab', 'two lines   and tab'],
    ['angle brackets', '<B>bold</B>', '&lt;B&gt;bold&lt;/B&gt;'],
    ['record field syntax', '{a|<port> b}', '&#123;a&#124;&lt;port&gt; b&#125;'],
    ['entities already in the text', '&amp; &#123;', '&amp;amp; &amp;#123;'],
    ['attribute injection', 'x"]; evil [label="y', 'x&quot;]; evil [label=&quot;y'],
  ])('makes %s plain text', (_, text, escaped) => {
    expect(escapeDotText(text)).toBe(escaped)
  })

  it('gives distinct ids for distinct text', () => {
    expect(dotId('a"b')).toBe('"a&quot;b"')
    expect(dotId('a&quot;b')).not.toBe(dotId('a"b'))
  })
})

describe('wrapText', () => {
  it.each<[string, number, number | undefined, string[]]>([
    ['Firmware distribution service', 12, undefined, ['Firmware', 'distribution', 'service']],
    ['short', 20, undefined, ['short']],
    ['abcdefghij', 4, undefined, ['abcd', 'efgh', 'ij']],
    ['one two three four five', 9, 2, ['one two', 'three…']],
    ['  spaced   out  ', 20, undefined, ['spaced out']],
    ['', 10, undefined, []],
    ['輸液ポンプ制御装置', 8, undefined, ['輸液ポン', 'プ制御装', '置']],
    ['Pump 😀😀 x', 6, undefined, ['Pump', '😀😀 x']],
    ['née 👩‍⚕️👩‍⚕️👩‍⚕️', 4, undefined, ['née', '👩‍⚕️👩‍⚕️', '👩‍⚕️']],
  ])('wraps %j at %i characters', (text, width, maxLines, lines) => {
    expect(wrapText(text, width, maxLines)).toEqual(lines)
  })
})
