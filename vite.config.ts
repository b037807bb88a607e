import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { build, type Plugin } from 'vite'
import { compression } from 'vite-plugin-compression2'
import { defineConfig } from 'vitest/config'

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Tell plainly what is skipped and how to turn it on, instead of passing quietly. */
function announceSkips(): void {
  if (!process.env.TEST_DATABASE_URL) {
    process.stdout.write('\n[tests] real PostGIS suite SKIPPED: set TEST_DATABASE_URL=postgres://user@host:5432/postgres (a server with PostGIS 3.3+) to run it\n')
  }
  if (!existsSync(chromium)) {
    process.stdout.write(`[tests] browser suite SKIPPED: no Chromium at ${chromium}; apt-get install chromium, or set CHROMIUM_PATH\n`)
  }
}
if (process.env.VITEST && !process.env.VITEST_WORKER_ID) announceSkips()

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))
const compressed = () => compression({ include: /\.(js|mjs|css|svg|json)$/, threshold: 1024 })

/**
 * The grid worker's phone page (`/m`, client/m.html) is built on its own, after the screens: one input a build
 * while each is one script (codeSplitting false), and a phone must not load the screens' map (2.4 MB).
 */
function phonePage(): Plugin {
  let outDir = ''
  return {
    name: 'phone-page',
    apply: 'build',
    configResolved: (config) => void (outDir = resolve(config.root, config.build.outDir)),
    async closeBundle() {
      await build({
        configFile: false, root: here('client'), mode: 'production', logLevel: 'warn', publicDir: false,
        plugins: [react(), compressed()],
        build: { outDir, emptyOutDir: false, rolldownOptions: { input: here('client/m.html'), output: { codeSplitting: false } } },
      })
    },
  }
}

const engines = ['pglite', ...(process.env.TEST_DATABASE_URL ? ['pg'] : [])]

export default defineConfig({
  root: 'client',
  // Hashed assets compressed once at build (brotli and gzip) and served as they are: compressing the
  // 2.4 MB script again for each screen that opens held up a wall's start.
  plugins: [react(), compressed(), phonePage()],
  // One script: the chunks split off for luma.gl's unused dynamic import were three more requests
  // behind a wall's first reads on the browser's six connections, and the script waited for them.
  build: { outDir: '../dist/client', emptyOutDir: true, chunkSizeWarningLimit: 2700, rolldownOptions: { output: { codeSplitting: false } } },
  test: {
    root: '.',
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      ...engines.map((engine) => ({
        test: {
          name: `integration:${engine}`,
          include: ['tests/integration/**/*.test.ts'],
          env: { TEST_ENGINE: engine, LOG_LEVEL: 'silent' },
          globalSetup: ['tests/support/seededCity.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      })),
      ...(existsSync(chromium)
        ? [{
            test: {
              name: 'browser',
              include: ['tests/browser/**/*.test.ts'],
              env: { TEST_ENGINE: 'pglite', LOG_LEVEL: 'silent', CHROMIUM_PATH: chromium },
              globalSetup: ['tests/support/seededCity.ts', 'tests/support/builtClient.ts'],
              testTimeout: 120_000,
              hookTimeout: 180_000,
            },
          }]
        : []),
    ],
  },
})
