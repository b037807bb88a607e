import { useEffect } from 'react'
import { sameSitePath } from '../../../domain/sameSitePath'
import { homePath } from './home'
import { OIDC_FAILED } from './signInText'
import { SignInPage } from './SignInPage'
import { useSession } from './useSession'

/**
 * `/signin[?returnTo=/drill…][&error=oidc]`: the sign-in page on its own, where signing out and a failed
 * identity-provider sign-in lead. Once signed in (here, or already), the browser goes on to `returnTo` or to
 * the screen the account's role works on.
 */
export function SignInScreen() {
  const q = new URLSearchParams(window.location.search)
  const returnTo = sameSitePath(q.get('returnTo'))
  const status = useSession(null)
  useEffect(() => {
    if (status.kind === 'signed-in') window.location.replace(returnTo ?? homePath(status.me.role))
  }, [status, returnTo])
  if (status.kind !== 'signed-out') return <main className="session-wait" aria-busy="true" />
  return (
    <SignInPage
      notice={status.notice ?? (q.get('error') === 'oidc' ? OIDC_FAILED : null)}
      // Back here from the identity provider: this page then sends the browser on as above.
      returnTo={returnTo ? `/signin?returnTo=${encodeURIComponent(returnTo)}` : '/signin'}
      onSignedIn={(me) => window.location.replace(returnTo ?? homePath(me.role))}
    />
  )
}
