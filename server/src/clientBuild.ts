import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'vite'

const ROOT = join(import.meta.dirname, '../..')
export const CLIENT_DIST = join(ROOT, 'dist/client')
const CLIENT_SOURCES = ['client', 'contract', 'domain', 'vite.config.ts', 'package-lock.json'].map((p) => join(ROOT, p))

function newestMtime(path: string): number {
  const s = statSync(path)
  if (!s.isDirectory()) return s.mtimeMs
  return Math.max(s.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))))
}

/** Builds the client when any of its sources is newer than the build; returns whether it built. */
export async function ensureClientBuilt(): Promise<boolean> {
  const index = join(CLIENT_DIST, 'index.html')
  const stale = !existsSync(index) || statSync(index).mtimeMs < Math.max(...CLIENT_SOURCES.filter(existsSync).map(newestMtime))
  if (!stale) return false
  // What is served is a production build, also when built from a test run: Vitest sets NODE_ENV=test,
  // which Vite would write into the bundle, and React would run its development build (effects twice).
  const nodeEnv = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  try {
    await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', mode: 'production' })
  } finally {
    process.env.NODE_ENV = nodeEnv
  }
  return true
}
