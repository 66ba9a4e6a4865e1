import path from 'node:path/posix'

import { err, ok } from '../core/index.js'
import { loadDeviceModel, type FileReader, type LoadedModel } from '../formats/index.js'
import type { ModelFile } from '../store/index.js'

/** The root file of every model folder, as `medcyber init` writes it. */
export const MODEL_ROOT_FILE = 'medcyber.yaml'

/** Serves a model's files from memory (the store's copy) to the format readers. */
export const memoryFileReader = (files: readonly ModelFile[]): FileReader => {
  const byPath = new Map(files.map((file) => [file.path, file.text]))
  const encoder = new TextEncoder()
  return {
    read: (file, maxBytes) => {
      const text = byPath.get(path.normalize(file))
      if (text === undefined) {
        return Promise.resolve(
          err({ code: 'not-found', message: `${file}: no such file in the model` }),
        )
      }
      const bytes = encoder.encode(text)
      if (bytes.length > maxBytes) {
        return Promise.resolve(
          err({ code: 'too-large', message: `${file} is larger than ${String(maxBytes)} bytes` }),
        )
      }
      return Promise.resolve(ok(bytes))
    },
  }
}

/** Parses and checks a model held as files, exactly as `medcyber validate` does on a folder. */
export const loadModelFromFiles = (files: readonly ModelFile[]): Promise<LoadedModel> =>
  loadDeviceModel(MODEL_ROOT_FILE, memoryFileReader(files))
