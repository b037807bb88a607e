import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Db } from './Db'

const MIGRATIONS_DIR = join(import.meta.dirname, 'migrations')
const FILE_NAME = /^(\d{3})_([a-z0-9_]+)\.sql$/

export type Migration = { version: number; name: string; sql: string }

/** The numbered `.sql` files in order; a file that does not follow `NNN_name.sql` is an error, not skipped. */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .sort()
    .map((file) => {
      const m = FILE_NAME.exec(file)
      if (!m) throw new Error(`migration file ${file} is not named NNN_name.sql`)
      return { version: Number(m[1]), name: m[2]!, sql: readFileSync(join(dir, file), 'utf8') }
    })
}

// Any constant works; it only has to be the same for every process migrating this database.
const MIGRATION_LOCK = 7_303_101

/**
 * Applies each migration not yet recorded, each in its own transaction together with its record,
 * under an advisory lock so two servers starting at once do not both apply it.
 * Returns the level reached.
 */
export async function migrate(db: Db, migrations = loadMigrations()): Promise<Migration> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`)
  for (const m of migrations) {
    await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version])
      if (done.length > 0) return
      await tx.exec(m.sql)
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name])
    })
  }
  const last = migrations.at(-1)
  if (!last) throw new Error('no migrations found')
  return last
}

/** The highest applied migration, or null on an empty database. */
export async function migrationLevel(db: Db): Promise<{ version: number; name: string } | null> {
  const rows = await db.query<{ version: number; name: string }>(
    `SELECT version, name FROM schema_migrations ORDER BY version DESC LIMIT 1`,
  )
  return rows[0] ?? null
}
