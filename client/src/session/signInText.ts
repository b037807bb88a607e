import { ApiError } from '../api/fetchJson'
import { errorText } from '../ui/errorText'

/** Minutes to wait, rounded up, from a 429's Retry-After (seconds), or from "try again in N minutes" in its message. */
function minutesOf(e: ApiError): number | null {
  if (e.retryAfter !== null) return Math.max(1, Math.ceil(e.retryAfter / 60))
  const m = /in (\d+) minutes?/.exec(e.message)
  return m ? Number(m[1]) : null
}

/** A refused sign-in as the person at the desk reads it. */
export function signInErrorText(e: unknown): string {
  if (!(e instanceof ApiError)) return `登录失败：${errorText(e)}`
  const minutes = minutesOf(e)
  const wait = minutes === null ? '请稍后再试' : `请 ${minutes} 分钟后再试`
  switch (e.code) {
    case 'sign_in_refused':
      return '登录名或密码不正确。'
    case 'locked':
      return `该登录名连续登录失败次数过多，已被暂时锁定，${wait}。`
    case 'too_many_attempts':
      return `本机登录失败次数过多，${wait}。`
    case 'invalid_body':
      return '请输入登录名和密码。'
    case 'unreachable':
      return '无法连接服务器，请检查网络后重试。'
    default:
      return `登录失败：${errorText(e)}`
  }
}

/** What the sign-in page says when the identity provider's sign-in came back without a session (`/signin?error=oidc`). */
export const OIDC_FAILED = '统一身份认证未能登录：该账号在本系统中不存在或已停用，或认证已取消。请改用登录名和密码，或联系系统管理员。'

/** What a wall says when the display key in its address was refused. */
export const KEY_REFUSED = '大屏显示密钥无效或已被吊销，请联系系统管理员重新签发。'
