import { type ReactNode, useEffect } from 'react'
import type { Me } from '../../../contract'
import { hereNow } from './home'
import { pageTitle } from './pageTitle'
import { SignInPage } from './SignInPage'
import { useSession } from './useSession'

/**
 * A screen behind a session: `children(me)` once someone is signed in, the sign-in page while nobody is
 * (after signing in, the page loads again as it was, its reads and its live stream now the account's).
 * `kioskKey`: a wall display's key from its address, traded for a session first.
 */
export function SignedIn({ kioskKey = null, children }: { kioskKey?: string | null; children: (me: Me) => ReactNode }) {
  const status = useSession(kioskKey)
  const areaName = status.kind === 'signed-in' ? status.me.scopeName : undefined
  useEffect(() => {
    const title = areaName === undefined ? null : pageTitle(window.location.pathname, areaName)
    if (title) document.title = title
  }, [areaName])
  switch (status.kind) {
    case 'signed-in':
      return children(status.me)
    case 'signed-out':
      return <SignInPage notice={status.notice} returnTo={hereNow()} onSignedIn={() => window.location.reload()} />
    case 'checking':
      return <main className="session-wait" aria-busy="true" data-testid="session-checking" />
    case 'unreachable':
      return (
        <main className="session-wait" role="status" data-testid="session-unreachable">
          <p>正在连接服务器…</p>
          <p className="dim">{status.message}；每 5 秒重试一次。</p>
        </main>
      )
  }
}
