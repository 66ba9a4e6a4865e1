import { mkdirSync } from 'node:fs'
import path from 'node:path'

import { chromium, type Browser, type Page } from 'playwright-core'

import { PROJECT_ROOT } from './testdata.js'

/** Debian's chromium: browsers cannot be downloaded on the machines the tests run on. */
const CHROMIUM = process.env['MEDCYBER_CHROMIUM'] ?? '/usr/bin/chromium'

/** Where the end-to-end tests leave a picture of every screen, for people to look at. */
export const SCREENSHOTS =
  process.env['MEDCYBER_SCREENSHOTS'] ?? path.join(PROJECT_ROOT, 'test-output', 'screenshots')

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  })

/** A laptop screen, the size the app is laid out for. */
export const LAPTOP = { width: 1366, height: 768 } as const

/** Saves the page as `<name>.png` in SCREENSHOTS and returns the file. */
export const screenshot = async (page: Page, name: string): Promise<string> => {
  mkdirSync(SCREENSHOTS, { recursive: true })
  const file = path.join(SCREENSHOTS, `${name}.png`)
  await page.screenshot({ path: file, fullPage: true })
  return file
}

/**
 * What the page logged as errors: uncaught exceptions and console errors. The browser's own
 * line for a 401 answer is left out: the app asks who is signed in before anyone is, and a
 * wrong password is answered that way.
 */
export const watchPageErrors = (page: Page): (() => readonly string[]) => {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => {
    const text = message.text()
    if (message.type() === 'error' && !text.includes('status of 401')) errors.push(text)
  })
  return () => errors
}
