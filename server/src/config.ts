import { resolve } from 'node:path'
import { z } from 'zod'
import type { SecuritySettings } from './app'
import type { Retention } from './jobs/retention'

/** The server's settings, all from the environment; see the README's configuration table. */
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./var/db'),
  SEED: z.string().default('anda-2026'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO_ACCOUNTS: z.enum(['0', '1']).optional(),
  CORS_ORIGINS: z.string().default(''),
  TRUST_PROXY: z.string().default('0'),
  SECURE_COOKIES: z.enum(['auto', '0', '1']).default('auto'),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_REDIRECT_URI: z.string().url().optional(),
  OIDC_LOGIN_CLAIM: z.string().default('preferred_username'),
  OIDC_NAME: z.string().default('统一身份认证'),
  ESCALATE_EVERY_MS: z.coerce.number().int().min(100).default(10_000),
  SIMULATE: z.enum(['0', '1']).default('1'),
  SIM_SPEED: z.coerce.number().min(0.1).max(100_000).default(120),
  SIM_TICK_MS: z.coerce.number().int().min(100).default(3000),
  LIMIT_SCALE: z.coerce.number().min(1).max(100_000).optional(),
  RETAIN_CHANGES_HOURS: z.coerce.number().positive().default(24),
  RETAIN_FIXES_HOURS: z.coerce.number().positive().default(24),
  WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  REDIS_URL: z.string().url().optional(),
})

export type Config = {
  port: number
  host: string
  databaseUrl: string | undefined
  dataDir: string
  seed: string
  logLevel: string
  /** Whether to make the demo's accounts (one per role, one printed password) and print a kiosk URL: by default only on the embedded store. */
  demoAccounts: boolean
  security: Omit<SecuritySettings, 'signIn' | 'addresses'>
  escalateEveryMs: number
  /** Simulated traffic through the public API; speed compresses its daily rhythm and delays. */
  simulate: boolean
  simSpeed: number
  simTickMs: number
  /** How many times faster the stored time limits run: SIM_SPEED while simulating unless LIMIT_SCALE says otherwise. */
  limitScale: number
  /** How long changes stay replayable and patrol fixes stay as trails. */
  retention: Retention
  /** How many server processes share the port (Node's cluster); more than one needs PostgreSQL and Redis. */
  workers: number
  /** Where the processes reach one another (Socket.IO's Redis Streams adapter); none for one process alone. */
  redisUrl: string | undefined
}

/** OpenID Connect sign-in when its issuer is set; then the client's id, secret and redirect URI must be too. */
function oidcOf(e: z.infer<typeof Env>): SecuritySettings['oidc'] {
  if (!e.OIDC_ISSUER) return null
  if (!e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET || !e.OIDC_REDIRECT_URI) {
    throw new Error('bad configuration:\n  OIDC_ISSUER is set: OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and OIDC_REDIRECT_URI are required too')
  }
  return {
    issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET, redirectUri: e.OIDC_REDIRECT_URI,
    loginClaim: e.OIDC_LOGIN_CLAIM, name: e.OIDC_NAME,
  }
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = Env.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')))
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`bad configuration:\n${lines.join('\n')}`)
  }
  const e = result.data
  if (e.WORKERS > 1 && (!e.DATABASE_URL || !e.REDIS_URL)) {
    throw new Error(`bad configuration:\n  WORKERS: ${e.WORKERS} processes share one store and reach one another: DATABASE_URL (PostgreSQL) and REDIS_URL are required (the embedded store belongs to one process)`)
  }
  return {
    port: e.PORT, host: e.HOST, databaseUrl: e.DATABASE_URL, dataDir: resolve(e.DATA_DIR), seed: e.SEED, logLevel: e.LOG_LEVEL,
    demoAccounts: e.DEMO_ACCOUNTS ? e.DEMO_ACCOUNTS === '1' : !e.DATABASE_URL,
    security: {
      corsOrigins: e.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean),
      trustProxy: /^\d+$/.test(e.TRUST_PROXY) ? Number(e.TRUST_PROXY) : e.TRUST_PROXY,
      secureCookies: e.SECURE_COOKIES === 'auto' ? 'auto' : e.SECURE_COOKIES === '1',
      contentSecurityPolicy: true,
      oidc: oidcOf(e),
    },
    escalateEveryMs: e.ESCALATE_EVERY_MS,
    simulate: e.SIMULATE === '1', simSpeed: e.SIM_SPEED, simTickMs: e.SIM_TICK_MS,
    limitScale: e.LIMIT_SCALE ?? (e.SIMULATE === '1' ? e.SIM_SPEED : 1),
    retention: { changeLogHours: e.RETAIN_CHANGES_HOURS, patrolFixHours: e.RETAIN_FIXES_HOURS },
    workers: e.WORKERS, redisUrl: e.REDIS_URL,
  }
}
