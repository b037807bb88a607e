import { labels } from '../../../contract'
import { homePath } from '../session/home'
import { SignInPage } from '../session/SignInPage'
import { gridOf, GridWorkerPhone } from './GridWorkerPhone'
import { usePhoneSession } from './usePhoneSession'

/** `/m`: the grid worker's phone page behind its session; signing in here comes back here. */
export function PhoneApp() {
  const session = usePhoneSession()
  switch (session.kind) {
    case 'checking':
      return <main className="session-wait" aria-busy="true" data-testid="session-checking" />
    case 'signed-out':
      return <SignInPage notice={session.notice} returnTo="/m" onSignedIn={() => window.location.reload()} />
    case 'unreachable':
      return (
        <main className="session-wait" role="status" data-testid="session-unreachable">
          <p>无网络</p>
          <p className="dim">首次使用请在有网络时登录；有信号后自动继续。</p>
        </main>
      )
    case 'signed-in': {
      const grid = gridOf(session.me)
      if (grid === null) {
        return (
          <main className="session-wait" role="alert" data-testid="not-grid-worker">
            <p>此页面供网格员在手机上使用</p>
            <p className="dim">当前账号为{labels.role[session.me.role]}，请使用<a href={homePath(session.me.role)}>工作台</a>。</p>
          </main>
        )
      }
      return <GridWorkerPhone me={session.me} grid={grid} sessionOffline={session.offline} />
    }
  }
}
