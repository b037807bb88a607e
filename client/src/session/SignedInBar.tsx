import { useState } from 'react'
import { labels, type Me } from '../../../contract'
import { ApiError, deleteJson, NoContent } from '../api/fetchJson'
import { errorText } from '../ui/errorText'

/** Ends the session on the server, then shows the sign-in page; a session the server no longer knows is ended already. */
async function signOut(): Promise<string | null> {
  try {
    await deleteJson('/api/v1/session', NoContent)
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 401)) return `退出失败：${errorText(e)}`
  }
  window.location.assign('/signin')
  return null
}

/** Who is signed in at this screen: name · role · where they work, and 退出. */
export function SignedInBar({ me, className = '' }: { me: Me; className?: string }) {
  const [error, setError] = useState<string | null>(null)
  return (
    <p className={`signed-in ${className}`} data-testid="signed-in" data-role={me.role} data-login={me.login}>
      <b>{me.displayName}</b>
      <span className="sep">·</span><span>{labels.role[me.role]}</span>
      <span className="sep">·</span><span data-testid="scope-name">{me.scopeName}</span>
      {me.via === 'session' && <button type="button" onClick={() => void signOut().then(setError)} data-testid="sign-out">退出</button>}
      {error && <span className="error" role="alert">{error}</span>}
    </p>
  )
}
