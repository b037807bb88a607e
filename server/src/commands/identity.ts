import type { Role, Scope } from '../../../contract/auth'
import { coversStore, type Reach, reachOf } from '../../../domain/access'

/** Who asks: a signed-in account, its role, and where its scope reaches. */
export type Identity = { accountId: number; login: string; displayName: string; role: Role; scope: Scope; reach: Reach }

/** An account as the store keeps its scope: a region (or grid) code, or a department; with the store's root region's code. */
export type AccountRow = {
  id: number; login: string; displayName: string; role: Role; scopeRegion: string | null; scopeDepartment: string | null; storeRoot: string | null
}

export function identityOf(row: AccountRow): Identity {
  const scope: Scope = row.scopeRegion !== null ? { region: row.scopeRegion } : { department: row.scopeDepartment! }
  return { accountId: row.id, login: row.login, displayName: row.displayName, role: row.role, scope, reach: reachOf(scope, coversStore(scope, row.storeRoot)) }
}
