import { resolve } from 'node:path'
import { z } from 'zod'
import { DEFAULT_LIMITS, parseLevelHours, type TimeLimits } from '../../domain/timeLimits'
import type { Retention } from './jobs/retention'

/** The server's settings, all from the environment; see the README's configuration table. */
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./var/db'),
  SEED: z.string().default('anda-2026'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  AUTH_TOKENS: z.string().optional(),
  ESCALATE_EVERY_MS: z.coerce.number().int().min(100).default(10_000),
  SIMULATE: z.enum(['0', '1']).default('1'),
  SIM_SPEED: z.coerce.number().min(0.1).max(100_000).default(120),
  SIM_TICK_MS: z.coerce.number().int().min(100).default(3000),
  LIMIT_SCALE: z.coerce.number().min(1).max(100_000).optional(),
  LEVEL_LIMIT_HOURS: z.string().optional(),
  URGENT_LIMIT_HOURS: z.coerce.number().positive().default(DEFAULT_LIMITS.urgentHours),
  RETAIN_CHANGES_HOURS: z.coerce.number().positive().default(24),
  RETAIN_FIXES_HOURS: z.coerce.number().positive().default(24),
})

export type Config = {
  port: number
  host: string
  databaseUrl: string | undefined
  dataDir: string
  seed: string
  logLevel: string
  /** `role:token,…`; unset means demo mode, with one printed token per role. */
  authTokens: string | undefined
  escalateEveryMs: number
  /** Simulated traffic through the public API; speed compresses its daily rhythm and delays. */
  simulate: boolean
  simSpeed: number
  simTickMs: number
  /** The levels' time limits; scaled by SIM_SPEED while simulating unless LIMIT_SCALE says otherwise. */
  limits: TimeLimits
  /** How long changes stay replayable and patrol fixes stay as trails. */
  retention: Retention
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = Env.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')))
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`bad configuration:\n${lines.join('\n')}`)
  }
  const e = result.data
  return {
    port: e.PORT, host: e.HOST, databaseUrl: e.DATABASE_URL, dataDir: resolve(e.DATA_DIR), seed: e.SEED, logLevel: e.LOG_LEVEL,
    authTokens: e.AUTH_TOKENS, escalateEveryMs: e.ESCALATE_EVERY_MS,
    simulate: e.SIMULATE === '1', simSpeed: e.SIM_SPEED, simTickMs: e.SIM_TICK_MS,
    limits: {
      hours: e.LEVEL_LIMIT_HOURS ? parseLevelHours(e.LEVEL_LIMIT_HOURS) : DEFAULT_LIMITS.hours,
      urgentHours: e.URGENT_LIMIT_HOURS,
      scale: e.LIMIT_SCALE ?? (e.SIMULATE === '1' ? e.SIM_SPEED : 1),
    },
    retention: { changeLogHours: e.RETAIN_CHANGES_HOURS, patrolFixHours: e.RETAIN_FIXES_HOURS },
  }
}
