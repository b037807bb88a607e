import { type FormEvent, useState } from 'react'
import { labels } from '../../../contract'
import { NoticeLine } from '../ui/Notice'
import type { MeStatus } from './useMe'

/** Who is at the desk: a bearer token, entered once per browser tab; the role it stands for is shown. */
export function SignIn({ me, onToken }: { me: MeStatus; onToken: (token: string | null) => void }) {
  const [draft, setDraft] = useState('')
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (draft.trim()) onToken(draft.trim())
  }
  if (me.kind === 'known') {
    return (
      <p className="sign-in" data-testid="signed-in" data-role={me.me.role}>
        当前身份：<b>{labels.role[me.me.role]}</b>
        {me.me.grid && <span>（网格 {me.me.grid}）</span>}
        <button type="button" onClick={() => onToken(null)}>退出</button>
      </p>
    )
  }
  return (
    <form className="sign-in" onSubmit={submit} aria-label="登录">
      <label>
        令牌 <input value={draft} onChange={(e) => setDraft(e.target.value)} name="token" autoComplete="off" placeholder="演示：demo-duty-leader" />
      </label>
      <button type="submit">登录</button>
      {me.kind === 'refused' && <NoticeLine notice={{ kind: 'error', text: me.message }} />}
    </form>
  )
}
