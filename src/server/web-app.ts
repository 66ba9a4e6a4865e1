import { existsSync } from 'node:fs'
import path from 'node:path'

import fastifyStatic from '@fastify/static'
import type { FastifyReply, FastifyRequest } from 'fastify'

import type { ApiApp } from './api-app.js'

const INDEX = 'index.html'

/** Built assets carry a content hash in their names, so browsers may keep them for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable'

const NOT_BUILT =
  '<!doctype html><meta charset="utf-8"><title>medcyber</title><p>The web app is not built. Run <code>npm run build</code> and start the server again; the API is described at <a href="/api/docs">/api/docs</a>.</p>'

/** A person opening an address of the app, not a program calling the API. */
export const wantsPage = (request: FastifyRequest): boolean =>
  request.method === 'GET' &&
  !request.url.startsWith('/api/') &&
  (request.headers.accept ?? '').includes('text/html')

export type WebPage = (reply: FastifyReply) => FastifyReply

/**
 * Serves the web app built into `webRoot` (dist/web): its hashed assets, and returns the answer
 * for every other address a person opens (/products/x/threats …): the app's page, since the app
 * routes in the browser. Without a build, that answer says how to make one.
 */
export const registerWebApp = async (app: ApiApp, webRoot: string): Promise<WebPage> => {
  if (!existsSync(path.join(webRoot, INDEX))) {
    return (reply) => reply.status(503).type('text/html; charset=utf-8').send(NOT_BUILT)
  }
  await app.register(fastifyStatic, {
    root: webRoot,
    index: INDEX,
    // Files are looked up per request, so a rebuild of the app is served without a restart.
    wildcard: true,
    setHeaders: (response, file) => {
      const asset = file.includes(`${path.sep}assets${path.sep}`)
      response.header('cache-control', asset ? IMMUTABLE : 'no-cache')
    },
  })
  // The page names the current assets, so it is never cached.
  return (reply) => reply.header('cache-control', 'no-cache').sendFile(INDEX, webRoot)
}
