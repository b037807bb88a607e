// Reads one Shapefile layer with shpjs off the server's event loop (shapefileParse.ts starts it, one per upload,
// and terminates it past its time budget). Plain JavaScript, not TypeScript: a worker thread gets none of the
// loaders the server runs under (tsx in dev and start, vitest's in tests), so a .ts worker does not load in
// either (tried: `Unknown file extension ".ts"`, with or without `--import tsx` in execArgv on Node 20).
// In: workerData { shp: Uint8Array, dbf?: Uint8Array, prj?: string, cpg?: string }, checked by shapefileLimits.ts.
// Out: one message, { collection } or { error } with shpjs's message.
import { parentPort, workerData } from 'node:worker_threads'
import { combine, parseDbf, parseShp } from 'shpjs'

const { shp, dbf, prj, cpg } = workerData
try {
  parentPort.postMessage({ collection: combine([parseShp(shp, prj), dbf ? parseDbf(dbf, cpg) : []]) })
} catch (err) {
  parentPort.postMessage({ error: err instanceof Error ? err.message : String(err) })
}
