import type { Account, AccountPatch, IssuedKey, NewAccount, Role } from '../../../contract/auth'
import { KEY_ONLY, scopeFits } from '../../../domain/access'
import { afterFailure, DEFAULT_SIGN_IN_POLICY, type FailureCount, lockedUntil, type SignInPolicy } from '../../../domain/signInLock'
import type { Clock } from '../clock'
import { type AccountRow, type Identity, identityOf } from '../commands/identity'
import { conflict, invalid, notFound } from '../commands/serviceErrors'
import { gridByCode, regionByCode } from '../db/cityQueries'
import type { Db } from '../db/Db'
import { sqlFiles } from '../db/sqlFiles'
import { hashKey, keyPrefix, newKey } from './keys'
import { hashPassword, verifyPassword } from './passwords'

const sql = sqlFiles([
  'account_by_login', 'account_by_key', 'account_insert', 'account_list', 'account_update', 'account_signed_in',
  'key_insert', 'key_revoke', 'sessions_end_account', 'sign_in_failures_get', 'sign_in_failures_put', 'sign_in_failures_clear',
])

export type SignInResult =
  | { kind: 'signed_in'; identity: Identity }
  | { kind: 'refused' }
  | { kind: 'locked'; until: Date }

/** 400 naming `password` for a wall display or a service: they sign in with keys only. */
function refusePasswordOf(role: Role): void {
  if (KEY_ONLY.includes(role)) throw invalid([{ field: 'password', reason: `a ${role} signs in with API keys, never a password` }])
}

/** How long a verified API key is trusted without asking the store again: what revoking a key may lag by. */
const KEY_CACHE_MS = 1000

/**
 * Accounts, their passwords and keys, and signing in. `credentialsEnded` is called whenever sessions or
 * keys ended (an account disabled, a new password, a key revoked), so the live stream cuts their sockets at once.
 */
export function accountCommands({ db, clock, policy = DEFAULT_SIGN_IN_POLICY, credentialsEnded = () => {} }: {
  db: Db; clock: Clock; policy?: SignInPolicy; credentialsEnded?: () => void
}) {
  const keyCache = new Map<string, { identity: (Identity & { keyId: number }) | null; until: number }>()

  const one = async (login: string): Promise<Account> => {
    const [row] = await db.query<{ account: Account }>(sql.account_list, [login])
    if (!row) throw notFound(`no account with login ${login}`)
    return row.account
  }

  const checkScope = async (input: NewAccount): Promise<void> => {
    const misfit = scopeFits(input.role, input.scope)
    if (misfit) throw invalid([{ field: 'scope', reason: misfit }])
    if ('region' in input.scope) {
      const code = input.scope.region
      const known = code.length === 15 ? await gridByCode(db, code) : await regionByCode(db, code)
      if (!known) throw invalid([{ field: 'scope.region', reason: `no ${code.length === 15 ? 'grid' : 'region'} has code ${code}` }])
    }
    if (input.password) refusePasswordOf(input.role)
  }

  const endSessions = async (login: string) => {
    await db.query(sql.sessions_end_account, [login])
    keyCache.clear()
    credentialsEnded()
  }

  return {
    list: async (): Promise<Account[]> => (await db.query<{ account: Account }>(sql.account_list, [null])).map((r) => r.account),

    get: one,

    /** 409 `login_taken` when another account has the login. */
    async add(input: NewAccount): Promise<Account> {
      await checkScope(input)
      const hash = input.password ? await hashPassword(input.password) : null
      const region = 'region' in input.scope ? input.scope.region : null
      const department = 'department' in input.scope ? input.scope.department : null
      const [made] = await db.query(sql.account_insert, [input.login, input.displayName, input.role, region, department, hash])
      if (!made) throw conflict('login_taken', `an account with login ${input.login} exists`)
      return one(input.login)
    },

    /** Disabling ends the account's sessions and sockets at once; enabling lets it sign in again. */
    async update(login: string, patch: AccountPatch): Promise<Account> {
      const [found] = await db.query(sql.account_update, [login, patch.enabled ?? null, patch.displayName ?? null, null])
      if (!found) throw notFound(`no account with login ${login}`)
      if (patch.enabled === false) await endSessions(login)
      return one(login)
    },

    /** A new password; every session of the account ends, so whoever knew the old one is out. */
    async resetPassword(login: string, password: string): Promise<Account> {
      const account = await one(login)
      refusePasswordOf(account.role)
      await db.query(sql.account_update, [login, null, null, await hashPassword(password)])
      await endSessions(login)
      return one(login)
    },

    /** A new key, whose secret is in this answer only. */
    async issueKey(login: string, label: string): Promise<IssuedKey> {
      const key = newKey()
      const [made] = await db.query<{ id: number }>(sql.key_insert, [login, keyPrefix(key), hashKey(key), label])
      if (!made) throw notFound(`no account with login ${login}`)
      return { id: made.id, key, prefix: keyPrefix(key), label }
    },

    async revokeKey(login: string, id: number): Promise<Account> {
      const [found] = await db.query(sql.key_revoke, [login, id, clock.now()])
      if (!found) throw notFound(`account ${login} has no key ${id}`)
      keyCache.clear()
      credentialsEnded()
      return one(login)
    },

    /** Who an API key signs in, trusted for up to a second before the store is asked again. */
    async byKey(key: string): Promise<(Identity & { keyId: number }) | null> {
      const hash = hashKey(key)
      const cached = keyCache.get(hash)
      if (cached && cached.until > Date.now()) return cached.identity
      const [row] = await db.query<AccountRow & { keyId: number }>(sql.account_by_key, [hash])
      const identity = row ? { ...identityOf(row), keyId: row.keyId } : null
      if (keyCache.size > 10_000) keyCache.clear()
      keyCache.set(hash, { identity, until: Date.now() + KEY_CACHE_MS })
      return identity
    },

    /**
     * A password sign-in. Refused the same way for an unknown login, a wrong password, a disabled account
     * or a key-only one, and in about the same time; a login name that failed too often is locked, known or not.
     */
    async signIn(login: string, password: string): Promise<SignInResult> {
      const now = clock.now()
      const [count] = await db.query<FailureCount>(sql.sign_in_failures_get, [login])
      const locked = lockedUntil(count ?? null, now)
      if (locked) return { kind: 'locked', until: locked }
      const [row] = await db.query<AccountRow & { passwordHash: string | null; enabled: boolean }>(sql.account_by_login, [login])
      const matches = await verifyPassword(password, row?.enabled ? row.passwordHash : null)
      if (!row || !matches) {
        const next = afterFailure(count ?? null, now, policy)
        await db.query(sql.sign_in_failures_put, [login, next.failures, next.firstAt, next.lockedUntil])
        return next.lockedUntil ? { kind: 'locked', until: next.lockedUntil } : { kind: 'refused' }
      }
      await db.query(sql.sign_in_failures_clear, [login])
      await db.query(sql.account_signed_in, [row.id, now])
      return { kind: 'signed_in', identity: identityOf(row) }
    },

    /** The scope's name as people say it: `新兴街道`, a grid's name, `司法所`. */
    async scopeName({ scope }: Pick<Identity, 'scope'>): Promise<string> {
      if ('department' in scope) return scope.department
      const found = scope.region.length === 15 ? await gridByCode(db, scope.region) : await regionByCode(db, scope.region)
      return found?.name ?? scope.region
    },

    /**
     * A person's account found by its login name alone, for a sign-in another party vouched for (OpenID
     * Connect); never a wall display's or a service's, which sign in with their keys only.
     */
    async byLogin(login: string): Promise<Identity | null> {
      const [row] = await db.query<AccountRow & { enabled: boolean }>(sql.account_by_login, [login])
      if (!row?.enabled || KEY_ONLY.includes(row.role)) return null
      await db.query(sql.account_signed_in, [row.id, clock.now()])
      return identityOf(row)
    },
  }
}
export type AccountCommands = ReturnType<typeof accountCommands>
