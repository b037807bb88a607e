import { Worker } from 'node:worker_threads'
import { HttpError } from './errors'
import { unreadable } from './shapefileLimits'

/** One Shapefile layer's files as shpjs reads them. */
export type ShapefileLayer = { shp: Uint8Array; dbf?: Uint8Array; prj?: string; cpg?: string }
/** shpjs's FeatureCollection, properties as the .dbf has them. */
export type ParsedLayer = { type: 'FeatureCollection'; features: { type: 'Feature'; geometry: unknown; properties: Record<string, unknown> | null }[] }

export type ParseOptions = {
  /** Wall-clock ms from the worker's start (about 0.3–0.45 s of it is starting) to its answer; past it the worker is ended. */
  budgetMs?: number
  /** The worker's heap, MiB; a file that needs more ends the worker, not the server. */
  heapMb?: number
}
const DEFAULTS = { budgetMs: 5_000, heapMb: 256 }
/** Parses at once at most; more uploads wait their turn, so a burst of them costs at most this many heaps. */
const MAX_WORKERS = 2

const tooComplex = (reason: string) => new HttpError(422, 'unreadable_shapefile', `(body): ${reason}`, [{ field: '(body)', reason }])

let running = 0
const waiting: (() => void)[] = []
/** A turn to run a worker; its release hands the turn to the next waiting, if any. */
async function slot(): Promise<() => void> {
  if (running < MAX_WORKERS) running++
  else await new Promise<void>((resolve) => waiting.push(resolve))
  return () => {
    const next = waiting.shift()
    if (next) next()
    else running--
  }
}

/**
 * The layer read by shpjs in a worker thread (shapefileWorker.mjs), so the event loop serves every other request
 * meanwhile: 400 for a file shpjs cannot read, 422 `unreadable_shapefile` for one that takes longer than the
 * budget or more memory than the heap (the worker is terminated). Check the headers first (shapefileLimits.ts):
 * the worker bounds the harm of a file that passes them, it does not make a bomb cheap.
 */
export async function parseInWorker(layer: ShapefileLayer, options: ParseOptions = {}): Promise<ParsedLayer> {
  const { budgetMs, heapMb } = { ...DEFAULTS, ...options }
  const release = await slot()
  try {
    const worker = new Worker(new URL('./shapefileWorker.mjs', import.meta.url), {
      workerData: layer, resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 32 },
    })
    return await new Promise<ParsedLayer>((resolve, reject) => {
      // The first of answer, failure, time-out or exit decides; the worker is ended either way.
      let decided = false
      const decide = (settle: () => void) => {
        if (decided) return
        decided = true
        clearTimeout(timer)
        settle()
        void worker.terminate()
      }
      const timer = setTimeout(() => decide(() => reject(tooComplex(`took longer than ${budgetMs / 1000} s to read; a community's grids take well under one`))), budgetMs)
      worker.once('message', (m: { collection?: ParsedLayer; error?: string }) =>
        decide(() => (m.collection ? resolve(m.collection) : reject(unreadable(`is not a readable Shapefile: ${m.error}`)))))
      worker.once('error', (err: Error & { code?: string }) => decide(() => reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? tooComplex(`needs more than ${heapMb} MiB to read; a community's grids need a few`)
        : err)))
      worker.once('exit', (code) => decide(() => reject(new Error(`the Shapefile worker exited (${code}) before it answered`))))
    })
  } finally {
    release()
  }
}
