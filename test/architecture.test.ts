import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { tempDir } from './support/temp-dir.js'
import { PROJECT_ROOT } from './support/testdata.js'

const DEPCRUISE = path.join(
  PROJECT_ROOT,
  'node_modules',
  'dependency-cruiser',
  'bin',
  'dependency-cruise.mjs',
)

/** Runs the project's layer rules on a folder laid out like the project (src/, web/). */
const cruise = (cwd: string, roots: readonly string[] = ['src']) =>
  spawnSync(process.execPath, [DEPCRUISE, ...roots, '--config', '.dependency-cruiser.cjs'], {
    cwd,
    encoding: 'utf8',
  })

const miniProject = (files: Record<string, string>): string => {
  const root = tempDir('medcyber-layers')
  copyFileSync(
    path.join(PROJECT_ROOT, '.dependency-cruiser.cjs'),
    path.join(root, '.dependency-cruiser.cjs'),
  )
  writeFileSync(
    path.join(root, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext' } }),
  )
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
    writeFileSync(path.join(root, file), content)
  }
  return root
}

describe('layer rules (docs/architecture.md)', () => {
  it('hold for the project', () => {
    const result = cruise(PROJECT_ROOT, ['src', 'web/src'])
    expect(result.stdout + result.stderr).toContain('no dependency violations found')
    expect(result.status).toBe(0)
  })

  it.each([
    [
      'core imports the store',
      {
        'src/core/risk.ts': "import { db } from '../store/db.js'\nexport const x = db\n",
        'src/store/db.ts': 'export const db = 1\n',
      },
      'core-is-pure',
    ],
    [
      'core reads files',
      {
        'src/core/risk.ts':
          "import { readFileSync } from 'node:fs'\nexport const x = readFileSync\n",
      },
      'core-does-no-io',
    ],
    [
      'an adapter imports another adapter',
      {
        'src/render/a.ts': "import { db } from '../store/db.js'\nexport const x = db\n",
        'src/store/db.ts': 'export const db = 1\n',
      },
      'no-adapter-to-adapter',
    ],
    [
      'an adapter imports the CLI',
      {
        'src/formats/a.ts': "import { run } from '../cli/main.js'\nexport const x = run\n",
        'src/cli/main.ts': 'export const run = 1\n',
      },
      'only-edges-wire',
    ],
    [
      'two modules import each other',
      {
        'src/core/a.ts': "import { b } from './b.js'\nexport const a = b\n",
        'src/core/b.ts': "import { a } from './a.js'\nexport const b = a\n",
      },
      'no-circular',
    ],
    [
      'the web app imports a server value',
      {
        'web/src/app.ts':
          "import { routes } from '../../src/server/routes.js'\nexport const x = routes\n",
        'src/server/routes.ts': 'export const routes = 1\n',
      },
      'web-uses-the-api',
    ],
  ])('fail when %s', (_name, files, rule) => {
    const roots = Object.keys(files).some((file) => file.startsWith('web/'))
      ? ['src', 'web']
      : ['src']
    const result = cruise(miniProject(files), roots)
    expect(result.status).not.toBe(0)
    expect(result.stdout).toContain(rule)
  })

  it('let the web app take types from the server', () => {
    const result = cruise(
      miniProject({
        'web/src/app.ts':
          "import type { Routes } from '../../src/server/routes.js'\nexport type X = Routes\n",
        'src/server/routes.ts': 'export type Routes = 1\n',
      }),
      ['src', 'web'],
    )
    expect(result.stdout + result.stderr).toContain('no dependency violations found')
  })
})

interface CruisedModule {
  readonly source: string
  readonly dependencies: readonly { readonly resolved: string; readonly dynamic: boolean }[]
}

describe('CLI start', () => {
  // The modules `medcyber --help` loads are those the entry imports statically, type-only
  // imports left out (depcruise without pre-compilation dependencies); commands are imported
  // when they run. A layer's index loads the whole layer and its libraries, about half a second.
  it('loads no layer index before a command runs', () => {
    const result = spawnSync(
      process.execPath,
      [
        DEPCRUISE,
        'src/cli/entry.ts',
        '--no-config',
        '--ts-config',
        'tsconfig.json',
        '--include-only',
        '^src',
        '--output-type',
        'json',
      ],
      { cwd: PROJECT_ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
    )
    expect(result.status).toBe(0)
    const modules = (JSON.parse(result.stdout) as { modules: CruisedModule[] }).modules
    const bySource = new Map(modules.map((module) => [module.source, module]))
    const loaded = new Set(['src/cli/entry.ts'])
    const pending = ['src/cli/entry.ts']
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
      for (const dependency of bySource.get(next)?.dependencies ?? []) {
        if (dependency.dynamic || loaded.has(dependency.resolved)) continue
        loaded.add(dependency.resolved)
        pending.push(dependency.resolved)
      }
    }
    expect(loaded).toContain('src/cli/main.ts')
    expect([...loaded].filter((source) => source.endsWith('/index.ts'))).toEqual([])
  }, 120_000)
})
