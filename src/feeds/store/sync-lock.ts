import { randomBytes } from 'node:crypto'
import { link, readFile, rm, stat } from 'node:fs/promises'
import { hostname } from 'node:os'
import path from 'node:path'

import { err, ok, type Result } from '../../core/index.js'
import { writeFileDurable } from './durable-files.js'
import { LAYOUT } from './store-layout.js'

export interface SyncLock {
  readonly release: () => Promise<void>
}

export interface LockHeld {
  readonly code: 'locked'
  readonly message: string
}

interface LockOwner {
  readonly pid: number
  readonly host: string
  readonly startedAt: string
}

export interface LockOptions {
  readonly pid: number
  readonly now: Date
  /** Whether a process of this machine still runs; injected for tests. */
  readonly isRunning?: (pid: number) => boolean
}

/**
 * Takes `sync.lock` in the data directory, or says who holds it. The lock file is written
 * whole under another name and then hard-linked into place, which fails if the lock exists:
 * no moment where a half-written lock is visible. A lock left by a process of this machine
 * that no longer runs (a killed sync) is taken over.
 */
export const acquireSyncLock = async (
  dataDir: string,
  options: LockOptions,
): Promise<Result<SyncLock, LockHeld>> => {
  const lockFile = path.join(dataDir, LAYOUT.lock)
  const owner: LockOwner = {
    pid: options.pid,
    host: hostname(),
    startedAt: options.now.toISOString(),
  }
  const candidate = `${lockFile}.${randomBytes(6).toString('hex')}`
  await writeFileDurable(candidate, `${JSON.stringify(owner)}\n`)
  try {
    for (let tries = 0; tries < 2; tries += 1) {
      if (await tryLink(candidate, lockFile)) {
        return ok({ release: () => rm(lockFile, { force: true }) })
      }
      const holder = await readOwner(lockFile)
      if (holder === 'gone') continue
      if (!(await isStale(holder, lockFile, options.isRunning ?? isRunning))) {
        return err({ code: 'locked', message: heldMessage(lockFile, holder) })
      }
      await rm(lockFile, { force: true })
    }
    return err({ code: 'locked', message: `${lockFile} could not be taken` })
  } finally {
    await rm(candidate, { force: true })
  }
}

const tryLink = async (from: string, to: string): Promise<boolean> => {
  try {
    await link(from, to)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
}

const readOwner = async (lockFile: string): Promise<LockOwner | 'garbled' | 'gone'> => {
  let text: string
  try {
    text = await readFile(lockFile, 'utf8')
  } catch {
    return 'gone'
  }
  try {
    const value = JSON.parse(text) as Partial<LockOwner>
    return typeof value.pid === 'number' && typeof value.host === 'string'
      ? { pid: value.pid, host: value.host, startedAt: String(value.startedAt) }
      : 'garbled'
  } catch {
    return 'garbled'
  }
}

/** A garbled lock (not written by this code) counts as stale only once it is an hour old. */
const GARBLED_LOCK_AGE_MS = 3_600_000

const isStale = async (
  holder: LockOwner | 'garbled',
  lockFile: string,
  running: (pid: number) => boolean,
): Promise<boolean> => {
  if (holder === 'garbled') {
    const info = await stat(lockFile)
    return Date.now() - info.mtimeMs > GARBLED_LOCK_AGE_MS
  }
  // A lock from another machine (a shared network folder) cannot be checked: respect it.
  return holder.host === hostname() && !running(holder.pid)
}

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

const heldMessage = (lockFile: string, holder: LockOwner | 'garbled'): string =>
  holder === 'garbled'
    ? `another sync holds ${lockFile}`
    : `another sync (process ${String(holder.pid)} on ${holder.host}, started ${holder.startedAt}) holds ${lockFile}; wait for it to finish`
