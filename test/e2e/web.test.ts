import { readFileSync } from 'node:fs'
import path from 'node:path'

import type { Browser, BrowserContext, Page } from 'playwright-core'
import { parse } from 'yaml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { LAPTOP, launchBrowser, screenshot, watchPageErrors } from '../support/browser.js'
import { call, signIn, type Session } from '../support/e2e-server-client.js'
import {
  processGroup,
  startServer,
  type ProcessGroup,
  type RunningServer,
} from '../support/e2e-server-processes.js'
import { EXAMPLES_DIR } from '../support/model-folders.js'
import { realMirror } from '../support/real-mirror.js'
import { tempDir } from '../support/temp-dir.js'

/**
 * The web app as people use it: `medcyber serve` with the example devices and a mirror of real
 * advisories, driven through Debian's chromium. Each step goes on from the one before, as a
 * working session would, and checks what it did through the API (the record), not only on the
 * screen. Every screen is photographed into test-output/screenshots.
 */

const PUMP = 'aquila-lvp-system'
const PUMP_NAME = 'Aquila LVP Infusion System'
const EXAMPLE_NAMES = [
  'Aquila LVP Infusion System',
  'Aria Insulin Pump System',
  'Adatum VitalWatch Patient Monitoring System',
  'Fabrikam Ascend Planning',
]
const LOG4SHELL = 'CVE-2021-44228@log4j-core-2-14'
const APPROVER = { username: 'akira', displayName: 'Akira Tanaka', password: 'approver-pass-2026!' }

let group: ProcessGroup
let server: RunningServer
let admin: Session
let browser: Browser
let context: BrowserContext
let page: Page
let pageErrors: () => readonly string[]

const settledJob = async (jobId: string) => {
  const until = Date.now() + 120_000
  for (;;) {
    const answer = await call(server.url, 'GET', `/api/jobs/${jobId}`, { session: admin })
    const job = answer.body as { state: string; output?: unknown; error?: string }
    if (job.state === 'completed' || job.state === 'failed') return job
    if (Date.now() > until) throw new Error(`job ${jobId} is still ${job.state}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

const api = async <T>(pathname: string, session: Session = admin): Promise<T> => {
  const answer = await call(server.url, 'GET', pathname, { session })
  expect(answer.status, `${pathname}: ${JSON.stringify(answer.body)}`).toBe(200)
  return answer.body as T
}

const signInAs = async (username: string, password: string) => {
  await page.goto(`${server.url}/`)
  await page.getByLabel('Username').fill(username)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor()
}

const signOut = async () => {
  await page.getByRole('button', { name: 'Sign out' }).click()
  await page.getByRole('button', { name: 'Sign in' }).waitFor()
}

const openProductTab = async (tab: string) => {
  await page.goto(`${server.url}/products/${PUMP}/${tab}`)
  await page.getByText(PUMP_NAME).first().waitFor()
}

beforeAll(async () => {
  group = processGroup()
  server = await startServer(
    group,
    ['--mirror', realMirror(), '--data-dir', tempDir('medcyber-web-advisories')],
    { cwd: tempDir('medcyber-web'), expectPassword: true },
  )
  admin = (await signIn(server.url, 'admin', server.firstPassword ?? '')).session

  // The approver signs; an administrator holds no signing role (separation of duties).
  const created = await call(server.url, 'POST', '/api/users', { session: admin, body: APPROVER })
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  const { id } = created.body as { id: string }
  const granted = await call(server.url, 'PUT', `/api/users/${id}/roles/approver?productId=*`, {
    session: admin,
  })
  expect(granted.status, JSON.stringify(granted.body)).toBeLessThan(300)

  // Advisories from the mirror, so that the example devices have findings to triage.
  const queued = await call(server.url, 'POST', '/api/jobs/feeds-sync', { session: admin })
  expect(queued.status).toBe(202)
  const sync = await settledJob((queued.body as { jobId: string }).jobId)
  expect(sync.state, sync.error ?? '').toBe('completed')
  const { evaluationJobId } = sync.output as { evaluationJobId: string }
  expect((await settledJob(evaluationJobId)).state).toBe('completed')

  browser = await launchBrowser()
  context = await browser.newContext({ viewport: LAPTOP, locale: 'en-GB' })
  page = await context.newPage()
  pageErrors = watchPageErrors(page)
}, 240_000)

afterAll(async () => {
  // beforeAll may have failed before either was made.
  await (browser as Browser | undefined)?.close()
  await (group as ProcessGroup | undefined)?.killAll()
})

describe('the web app in a browser', { timeout: 120_000 }, () => {
  it('signs in and opens on the portfolio of the example devices', async () => {
    const password = page.getByLabel('Password')
    await page.goto(`${server.url}/`)
    await page.getByLabel('Username').fill('admin')
    await password.fill('not the password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('alert').filter({ hasText: 'Wrong username or password' }).waitFor()
    await screenshot(page, 'sign-in')

    await signInAs('admin', server.firstPassword ?? '')
    for (const name of EXAMPLE_NAMES) {
      await page.getByRole('link', { name }).first().waitFor()
    }
    await screenshot(page, 'portfolio')
  })

  it('opens an example device and adds a data flow in the diagram', async () => {
    await page.getByRole('link', { name: PUMP_NAME }).first().click()
    await page.waitForURL(`**/products/${PUMP}/model**`)
    await page.locator('[data-element-id="pump"]').first().waitFor()
    await screenshot(page, 'model-editor')

    await page.getByRole('button', { name: 'Add data flow' }).click()
    const panel = page.getByRole('complementary')
    await panel.getByLabel('From', { exact: true }).selectOption('service-tool')
    await panel.getByLabel('To', { exact: true }).selectOption('pump')
    await panel.getByLabel('Name', { exact: true }).fill('Service tool reads the pump event log')
    await panel.getByLabel('Protocol', { exact: true }).fill('USB mass storage')
    await panel.getByRole('checkbox').first().check()
    await panel.getByRole('button', { name: 'Add', exact: true }).click()
    await page.getByLabel('Reason').fill('Service log export found in the usability study')
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.getByText(/Saved as revision \d+/).waitFor()
    await screenshot(page, 'model-editor-flow-added')

    // The flow is in the model's YAML, the file git keeps, with every comment still there.
    const model = await api<{ files: { path: string; text: string }[] }>(
      `/api/products/${PUMP}/model`,
    )
    const architecture = model.files.find((file) => file.path === 'architecture.yaml')?.text ?? ''
    const flows = (
      parse(architecture) as { dataFlows: { name: string; from: string; to: string }[] }
    ).dataFlows
    expect(flows).toContainEqual(
      expect.objectContaining({
        name: 'Service tool reads the pump event log',
        from: 'service-tool',
        to: 'pump',
      }),
    )
    const original = readFileSync(
      path.join(EXAMPLES_DIR, 'infusion-pump-fleet', 'architecture.yaml'),
      'utf8',
    )
    const comments = (text: string) =>
      text.split('\n').filter((line) => line.trim().startsWith('#'))
    expect(comments(architecture)).toEqual(comments(original))
  })

  it('triages a finding', async () => {
    await openProductTab('findings')
    await page.getByRole('searchbox').first().fill('CVE-2021-44228')
    // A finding is listed once per release it is in.
    await page.locator(`[data-key^="${LOG4SHELL} "]`).first().click()
    const panel = page.getByRole('complementary')
    await panel.getByLabel('VEX status').selectOption('affected')
    await panel
      .getByLabel('Impact or action statement')
      .fill('Upgrade the Infusion Manager to 6.1.0, which ships Log4j 2.17.1.')
    await screenshot(page, 'findings-triage')
    await panel.getByRole('button', { name: 'Save triage' }).click()
    await panel
      .getByText(/saved|Saved/)
      .first()
      .waitFor()

    const findings = await api<{ items: { findingId: string; assessments: unknown[] }[] }>(
      `/api/products/${PUMP}/findings?q=CVE-2021-44228&limit=50`,
    )
    const log4shell = findings.items.find((item) => item.findingId === LOG4SHELL)
    expect(log4shell?.assessments).toContainEqual(
      expect.objectContaining({ finding: LOG4SHELL, status: 'affected' }),
    )
    await screenshot(page, 'findings')
  })

  it('shows the audit trail of those changes, and its chain verifies', async () => {
    await page.goto(`${server.url}/audit`)
    await page.getByRole('heading', { level: 1 }).waitFor()
    await page.getByRole('button', { name: /Verify/ }).click()
    await page
      .getByText(/intact/i)
      .first()
      .waitFor()
    await screenshot(page, 'audit')
  })

  it('accepts a risk, and the approver signs the acceptance after entering the password again', async () => {
    const register = await api<{
      revision: number
      items: {
        id: string
        subject: string
        source: string
        title: string
        acceptance: unknown
        residual: { acceptability: string }
      }[]
    }>(`/api/products/${PUMP}/risk-register?limit=500`)
    const risk = register.items.find(
      (item) =>
        item.source === 'threat' &&
        item.acceptance === null &&
        item.residual.acceptability !== 'unacceptable',
    )
    if (risk === undefined) throw new Error('the example has no threat risk awaiting acceptance')

    await openProductTab('risks')
    await screenshot(page, 'risk-register')
    await page.getByRole('searchbox').first().fill(risk.title)
    await page.locator(`[data-key="${risk.id}"]`).first().click()
    const panel = page.getByRole('complementary')
    await panel.getByRole('button', { name: 'Accept risk' }).click()
    await panel
      .getByLabel('Rationale')
      .fill('Residual risk is low after network segmentation; reviewed by the risk review board.')
    await panel.getByLabel('Approved by').fill(APPROVER.displayName)
    await panel.getByRole('button', { name: 'Save acceptance' }).click()
    await panel
      .getByText(/in force|In force/)
      .first()
      .waitFor()

    await signOut()
    await signInAs(APPROVER.username, APPROVER.password)
    await openProductTab('risks')
    await page.getByRole('searchbox').first().fill(risk.title)
    await page.locator(`[data-key="${risk.id}"]`).first().click()
    await page.getByRole('button', { name: 'Sign risk acceptance' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('Password').fill('not my password')
    await dialog.getByRole('button', { name: 'Sign', exact: true }).click()
    await dialog.getByRole('alert').waitFor()
    await dialog.getByLabel('Password').fill(APPROVER.password)
    await dialog.getByRole('button', { name: 'Sign', exact: true }).click()
    await dialog.waitFor({ state: 'hidden' })
    await screenshot(page, 'risk-signed')

    const approvals = await api<{
      items: { subject: string; meaning: string; signedBy?: string; superseded: boolean }[]
    }>(`/api/products/${PUMP}/approvals?limit=200`)
    expect(approvals.items).toContainEqual(
      expect.objectContaining({
        subject: `threat:${risk.subject}`,
        meaning: 'risk-accepted',
        superseded: false,
      }),
    )
  })

  it('generates a document and downloads it', async () => {
    await openProductTab('documents')
    await page.getByRole('button', { name: 'Generate', exact: true }).click()
    const link = page.getByRole('link', { name: /^Download / }).first()
    await link.waitFor({ timeout: 90_000 })
    await screenshot(page, 'documents')
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
    const file = await download.path()
    expect(readFileSync(file).length).toBeGreaterThan(1000)
  })

  it('shows the other screens', async () => {
    for (const tab of ['threats', 'lifecycle']) {
      await openProductTab(tab)
      await page.getByRole('heading', { level: 1 }).waitFor()
      await screenshot(page, tab)
    }
    for (const [address, name] of [
      ['/advisories', 'advisories'],
      ['/approvals', 'approvals'],
    ] as const) {
      await page.goto(`${server.url}${address}`)
      await page.getByRole('heading', { level: 1 }).waitFor()
      await screenshot(page, name)
    }
  })

  it('shows the postmarket screens: alerts, deadlines, disclosures, notification settings, metrics', async () => {
    await signOut()
    await signInAs('admin', server.firstPassword ?? '')
    for (const [address, name] of [
      ['/alerts', 'alerts'],
      ['/deadlines', 'deadlines'],
      ['/disclosures', 'disclosures'],
      ['/settings', 'settings'],
    ] as const) {
      await page.goto(`${server.url}${address}`)
      await page.getByRole('heading', { level: 1 }).waitFor()
      await screenshot(page, name)
    }
    await openProductTab('metrics')
    await page.getByRole('heading', { level: 1 }).waitFor()
    await screenshot(page, 'metrics')
  })

  it('takes a vulnerability report from someone without an account', async () => {
    await signOut()
    await page.getByRole('link', { name: /^Report a vulnerability/ }).click()
    await page.getByRole('heading', { level: 1, name: 'Report a vulnerability' }).waitFor()
    await page.getByLabel('Product and release').fill('Aquila LVP pump 3.2.4')
    await page.getByLabel('Summary').fill('Service port accepts firmware without a signature')
    await page
      .getByRole('textbox', { name: /^Description/ })
      .fill('Connecting to the service port, an unsigned image is accepted and flashed.')
    // A person takes more than the form token's two seconds to fill the form; the test waits.
    await page.waitForTimeout(2_100)
    await page.getByRole('button', { name: 'Send report' }).click()
    const receipt = await page.getByText(/Your tracking id: (\S+)\./).textContent()
    await screenshot(page, 'report-vulnerability')
    const trackingId = /Your tracking id: (\S+)\./.exec(receipt ?? '')?.[1]
    const queue = await api<{ items: { id: string; title: string }[] }>('/api/disclosures')
    expect(queue.items).toContainEqual(
      expect.objectContaining({
        id: trackingId,
        title: 'Service port accepts firmware without a signature',
      }),
    )
    // Back to the approver, who switches the language next.
    await signInAs(APPROVER.username, APPROVER.password)
  })

  it('switches to Japanese, and remembers it for the user', async () => {
    await page.goto(`${server.url}/`)
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ja')
    await page.getByRole('heading', { level: 1, name: '製品一覧' }).waitFor()
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ja')
    await screenshot(page, 'portfolio-ja')
    await openProductTab('risks')
    await page.getByRole('heading', { level: 1 }).waitFor()
    await screenshot(page, 'risk-register-ja')

    // Remembered per user, not per browser: a fresh browser signs in to Japanese.
    const fresh = await browser.newContext({ viewport: LAPTOP, locale: 'en-GB' })
    const other = await fresh.newPage()
    await other.goto(`${server.url}/`)
    await other.getByLabel('Username').fill(APPROVER.username)
    await other.getByLabel('Password').fill(APPROVER.password)
    await other.getByRole('button', { name: 'Sign in' }).click()
    await other.getByRole('heading', { level: 1, name: '製品一覧' }).waitFor()
    await fresh.close()
    const session = await api<{ preferences: { locale: string } }>('/api/session')
    expect(session.preferences.locale).toBeNull()
  })

  it('left no error in the browser console', () => {
    expect(pageErrors().join('\n')).toBe('')
  })
})
