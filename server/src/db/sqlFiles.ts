import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const QUERIES_DIR = join(import.meta.dirname, 'queries')

/** Reads the named query files once, at import, so a missing file fails the start, not a request. */
export function sqlFiles<const N extends string>(names: readonly N[], dir = QUERIES_DIR): Record<N, string> {
  return Object.fromEntries(names.map((n) => [n, readFileSync(join(dir, `${n}.sql`), 'utf8')])) as Record<N, string>
}
