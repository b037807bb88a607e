import { z } from 'zod'
import { Department } from './domain'
import { IdText, RequiredText } from './fields'
import { QueryNumber } from './geo'

/**
 * What an account may do. People: an operator (the centre's seats: watches, takes calls, reads nothing
 * personal), a grid worker (their grid), a community or township officer (their area's cases at their
 * level), a department officer (the cases routed to their department), a duty leader (any step, and a
 * case's parties on a logged read), an analyst (edits grids), an admin (accounts and the audit log).
 * Non-persons: a wall display (reads, never anything personal) and a service (the simulator, integrations),
 * which authenticate with API keys.
 */
export const Role = z.enum([
  'operator', 'grid_worker', 'community_officer', 'township_officer', 'department_officer', 'duty_leader', 'analyst', 'admin', 'wall_display', 'service',
])
export type Role = z.infer<typeof Role>

/**
 * Where an account works: a region by its division code (12 digits at any level: a city, a township, a
 * community; levels above the city have codes of the same form) or a grid (15 digits), or a department.
 */
export const Scope = z.union([
  z.strictObject({ region: z.string().regex(/^(\d{12}|\d{15})$/, 'must be a 12-digit region code or a 15-digit grid code') }),
  z.strictObject({ department: Department }),
], { error: 'must be { region: <12- or 15-digit code> } or { department: <a department> }' })
export type Scope = z.infer<typeof Scope>

const Login = z.string({ error: (iss) => (iss.input === undefined ? 'is required' : 'must be text') })
  .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'must be 2–64 lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit')

/**
 * A password as typed: 10 to 256 characters when set; any length up to 256 when signing in (a stored
 * hash of an older, shorter one still signs in).
 */
const NewPassword = z.string({ error: (iss) => (iss.input === undefined ? 'is required' : 'must be text') })
  .min(10, 'must be at least 10 characters').max(256, 'must be at most 256 characters')

/** `GET /api/v1/me`: who is signed in and where they work; `csrfToken` goes back in `X-CSRF-Token` on every write made with the session cookie. */
export const Me = z.object({
  login: z.string(),
  displayName: z.string(),
  role: Role,
  scope: Scope,
  /** The scope's name as people say it, e.g. `新兴街道` or `司法所`. */
  scopeName: z.string(),
  /** Whether the scope covers the whole store (the command centre's own accounts): its live room is `city`. */
  whole: z.boolean(),
  /** How this request was signed: a browser session (cookie) or an API key. */
  via: z.enum(['session', 'key']),
  csrfToken: z.string().optional(),
})
export type Me = z.infer<typeof Me>

/** `POST /api/v1/session`: sign in with a password; the answer is `Me` and a session cookie. */
export const SignInRequest = z.strictObject({
  login: z.string({ error: (iss) => (iss.input === undefined ? 'is required' : 'must be text') }).trim().toLowerCase().min(1, 'is required').max(64, 'must be at most 64 characters'),
  password: z.string({ error: (iss) => (iss.input === undefined ? 'is required' : 'must be text') }).min(1, 'is required').max(256, 'must be at most 256 characters'),
})
export type SignInRequest = z.input<typeof SignInRequest>

/** `POST /api/v1/session/key`: a wall display's kiosk trades its display key, once, for a long session. */
export const KeySignInRequest = z.strictObject({ key: z.string({ error: 'is required' }).min(1, 'is required').max(200, 'must be at most 200 characters') })
export type KeySignInRequest = z.input<typeof KeySignInRequest>

/** `GET /api/v1/session/options`, open to all: how the sign-in page may sign in. */
export const SignInOptions = z.object({ password: z.boolean(), oidc: z.object({ name: z.string() }).nullable() })
export type SignInOptions = z.infer<typeof SignInOptions>

/** An account as an admin sees it; never its password hash or its keys' secrets. */
export const Account = z.object({
  login: z.string(),
  displayName: z.string(),
  role: Role,
  scope: Scope,
  enabled: z.boolean(),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
  keys: z.array(z.object({ id: z.number().int(), prefix: z.string(), label: z.string(), createdAt: z.string(), revokedAt: z.string().nullable() })),
})
export type Account = z.infer<typeof Account>

/** `POST /api/v1/accounts`, admins only. A service or wall display needs no password: it signs in with keys. */
export const NewAccount = z.strictObject({
  login: Login,
  displayName: RequiredText(40),
  role: Role,
  scope: Scope,
  password: NewPassword.optional(),
})
export type NewAccount = z.input<typeof NewAccount>

/** `PATCH /api/v1/accounts/:login`, admins only: disabling ends the account's sessions and sockets at once. */
export const AccountPatch = z.strictObject({ enabled: z.boolean().optional(), displayName: RequiredText(40).optional() })
export type AccountPatch = z.input<typeof AccountPatch>

/** `PUT /api/v1/accounts/:login/password`, admins only: a new password, and every session of the account ends. */
export const PasswordReset = z.strictObject({ password: NewPassword })
export type PasswordReset = z.input<typeof PasswordReset>

/** `POST /api/v1/accounts/:login/keys`, admins only: a new API key, e.g. `{ label: '大厅大屏 1' }`. */
export const NewKey = z.strictObject({ label: RequiredText(60) })
export type NewKey = z.input<typeof NewKey>

/** The new key, shown this once: only its hash is kept. */
export const IssuedKey = z.object({ id: z.number().int(), key: z.string(), prefix: z.string(), label: z.string() })
export type IssuedKey = z.infer<typeof IssuedKey>

export const LoginParam = z.strictObject({ login: Login })
export const KeyParams = z.strictObject({ login: Login, id: IdText(Number.MAX_SAFE_INTEGER) })

/** What the audit log records: every write, and every sign-in, sign-out and failure. */
export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  /** The account's login; null for a failed sign-in under a name that may not exist (`subject` holds what was typed). */
  actor: z.string().nullable(),
  role: Role.nullable(),
  address: z.string(),
  action: z.string(),
  subject: z.string().nullable(),
  status: z.number().int(),
  /** What the write said of itself beside its path, e.g. a grid publish's 调整说明 `'第一网格过大，沿道路分出新网格'`; null for most. */
  note: z.string().nullable(),
})
export type AuditEntry = z.infer<typeof AuditEntry>

/** `GET /api/v1/audit?actor=&action=&from=&to=&limit=`, admins only: newest first. */
export const AuditQuery = z.strictObject({
  actor: z.string().max(64).optional(),
  action: z.string().max(80).optional(),
  from: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' }).optional(),
  to: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' }).optional(),
  limit: QueryNumber.pipe(z.number().int('must be a whole number').min(1, 'must be at least 1').max(1000, 'must be at most 1000')).default(200),
})
export type AuditQuery = z.infer<typeof AuditQuery>
