import { ApiError, deleteJson, NoContent } from '../api/fetchJson'
import { errorText } from '../ui/errorText'
import { forgetReads } from './keptReads'
import { rememberMe } from './usePhoneSession'

/**
 * Ends the session and forgets what this account read on the phone; its unsent reports stay, sent only by its
 * own session when it signs in again. Null when signed out; else why not.
 */
export async function signOutPhone(): Promise<string | null> {
  try {
    await deleteJson('/api/v1/session', NoContent)
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 401)) return e instanceof ApiError && e.status === 0 ? '无网络，暂时无法退出' : `退出失败：${errorText(e)}`
  }
  rememberMe(null)
  await forgetReads()
  window.location.reload()
  return null
}
