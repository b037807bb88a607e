import { labels, type Me } from '../../../contract'
import { homePath } from '../session/home'
import { SignedInBar } from '../session/SignedInBar'

/** What an account that takes no calls finds at `/intake`: who it is, and where its own work is. */
export function NotASeat({ me }: { me: Me }) {
  return (
    <main className="not-found" role="alert" data-testid="not-a-seat">
      <SignedInBar me={me} />
      <h1>受理席仅供值守人员和值班领导使用</h1>
      <p>本账号（{labels.role[me.role]}）不受理来电。<a href={homePath(me.role)}>回到本账号的工作页面</a></p>
    </main>
  )
}
