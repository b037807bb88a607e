import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../..')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sources(path)
    return /\.(ts|tsx|mjs)$/.test(name) && !name.endsWith('.d.ts') ? [path] : []
  })
}

/** Every relative import of a source file, as a path from the repository's root (`server/src/api/errors`). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g)].map((m) => m[1] ?? m[2]!)
  return specifiers.filter((s) => s.startsWith('.')).map((s) => relative(ROOT, resolve(dirname(file), s)))
}

/** The rooms each room may import, besides itself. A room not named here may import nothing outside it. */
const ALLOWED: Record<string, readonly string[]> = {
  contract: [],
  domain: ['contract'],
  // The server: HTTP at the edge (api), commands below it, the live stream and the store below them.
  'server/db': ['contract', 'server/log'],
  // The live stream holds each socket to its scope by the domain's rules of reach.
  'server/live': ['contract', 'domain', 'server/db', 'server/log', 'server/clock'],
  'server/commands': ['contract', 'domain', 'server/db', 'server/live', 'server/clock'],
  // Accounts, sessions, keys and the audit log: beside the commands, over the store.
  'server/accounts': ['contract', 'domain', 'server/commands', 'server/db', 'server/clock', 'server/log'],
  'server/jobs': ['contract', 'domain', 'server/commands', 'server/db', 'server/live', 'server/clock', 'server/log'],
  // Reports: figures made into files (XLSX), pure, over the contract's figures and the domain's rules.
  'server/reports': ['contract', 'domain'],
  // Vector tiles: rendered from the store, encoded, cached; told of changes by the app, not by importing the stream.
  'server/tiles': ['contract', 'domain', 'server/db'],
  'server/api': ['contract', 'domain', 'server/accounts', 'server/commands', 'server/db', 'server/live', 'server/clock', 'server/log', 'server/clientBuild', 'server/reports', 'server/tiles'],
  'server/config': ['domain', 'server/app', 'server/jobs'],
  'server/app': ['contract', 'domain', 'server/accounts', 'server/api', 'server/commands', 'server/db', 'server/live', 'server/jobs', 'server/clock', 'server/log', 'server/tiles'],
  // Accounts administered from a shell: the same commands over the configured store.
  'server/accountsCli': ['contract', 'server/accounts', 'server/clock', 'server/config', 'server/commands', 'server/db', 'server/log'],
  // The composition root: the one module of the server that may use the demo (seeding, simulated traffic).
  'server/main': ['server/*', 'data'],
  'server/cluster': ['server/config', 'server/log'],
  'server/start': ['server/clientBuild', 'server/main'],
  'server/dev': ['server/main'],
  'server/clientBuild': [],
  'server/clock': [],
  'server/log': [],
  // The demo city and its traffic use the rules, the contract and the server's store, never the other way.
  data: ['contract', 'domain', 'server/*'],
  // Screens import shared rooms, never each other.
  'client/wall': ['contract', 'domain', 'client/api', 'client/live', 'client/map', 'client/ui', 'client/session'],
  'client/drill': ['contract', 'domain', 'client/api', 'client/live', 'client/map', 'client/ui', 'client/session', 'client/cases'],
  'client/desk': ['contract', 'domain', 'client/api', 'client/live', 'client/map', 'client/ui', 'client/session', 'client/cases'],
  'client/intake': ['contract', 'domain', 'client/api', 'client/live', 'client/map', 'client/ui', 'client/session', 'client/cases'],
  // The phone page has no map: it must stay small enough to load over a weak signal.
  'client/phone': ['contract', 'domain', 'client/api', 'client/live', 'client/ui', 'client/session', 'client/cases'],
  // A case as the desks show and work it, shared by the drill-down and the desk.
  'client/cases': ['contract', 'domain', 'client/api', 'client/live', 'client/ui'],
  'client/editor': ['contract', 'domain', 'client/api', 'client/live', 'client/map', 'client/ui', 'client/session'],
  'client/admin': ['contract', 'domain', 'client/api', 'client/ui', 'client/session'],
  // Printed documents: the report of the figures, and a case's file as the desks show a case.
  'client/report': ['contract', 'domain', 'client/api', 'client/ui', 'client/session', 'client/cases'],
  // The ranking screen is a table: no map, no live stream.
  'client/ranking': ['contract', 'domain', 'client/api', 'client/ui', 'client/session'],
  'client/session': ['contract', 'domain', 'client/api', 'client/ui'],
  'client/map': ['contract', 'domain', 'client/api', 'client/live', 'client/ui'],
  'client/live': ['contract', 'client/api', 'client/ui'],
  'client/ui': ['contract', 'client/api'],
  'client/api': ['contract'],
  'client/main': ['contract', 'client/*'],
  tests: ['*'],
  bench: ['*'],
  vite: ['*'],
}

const allows = (from: string, to: string) =>
  from === to || (ALLOWED[from] ?? []).some((a) => a === '*' || a === to || (a.endsWith('/*') && to.startsWith(a.slice(0, -1))))

/** `server/src/api/errors.ts` → `server/api`; `server/src/app.ts` → `server/app`; `domain/caseLoop.ts` → `domain`. */
function room(path: string): string {
  const parts = path.split('/')
  const top = parts[0]!
  if ((top === 'server' || top === 'client') && parts[1] === 'src') return `${top}/${parts[2]!.replace(/\.(ts|tsx|mjs)$/, '')}`
  if (top === 'vite.config.ts') return 'vite'
  return top
}

describe('the rooms and the direction between them', () => {
  const files = ['contract', 'domain', 'server', 'data', 'client', 'bench', 'tests'].flatMap((d) => sources(join(ROOT, d)))
  const edges = files.flatMap((file) => {
    const from = relative(ROOT, file)
    return importsOf(file).map((to) => ({ from, to, fromRoom: room(from), toRoom: room(to) }))
  })

  it('reads the imports of every room', () => {
    const rooms = new Set(edges.map((e) => e.fromRoom))
    for (const r of ['contract', 'domain', 'server/api', 'server/commands', 'server/live', 'server/db', 'data', 'client/wall', 'client/map']) expect(rooms).toContain(r)
    expect(edges.length).toBeGreaterThan(300)
  })

  it('imports only from the rooms each room may use', () => {
    const forbidden = edges.filter((e) => !allows(e.fromRoom, e.toRoom)).map((e) => `${e.from} → ${e.to} (${e.fromRoom} may not use ${e.toRoom})`)
    expect(forbidden).toEqual([])
  })

  it('names every room it finds, so a new one is given its place', () => {
    const unknown = [...new Set(edges.map((e) => e.fromRoom))].filter((r) => !(r in ALLOWED) && !['contract', 'domain', 'data'].includes(r))
    expect(unknown).toEqual([])
  })
})
