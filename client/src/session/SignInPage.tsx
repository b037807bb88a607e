import { type FormEvent, useEffect, useRef, useState } from 'react'
import { Me, type SignInRequest, SignInOptions } from '../../../contract'
import { fetchJson, postJson } from '../api/fetchJson'
import { signInErrorText } from './signInText'

/** How this server signs people in: a password always; an identity provider's button when it has one. */
function useSignInOptions(): SignInOptions | null {
  const [options, setOptions] = useState<SignInOptions | null>(null)
  useEffect(() => {
    let stopped = false
    fetchJson('/api/v1/session/options', SignInOptions).then((o) => !stopped && setOptions(o), () => !stopped && setOptions({ password: true, oidc: null }))
    return () => void (stopped = true)
  }, [])
  return options
}

/**
 * The whole-page sign-in every screen shows while nobody is signed in: login name and password (the login
 * name focused, Enter signs in), and the identity provider's button when the server has one. A refusal is
 * said in words, a lock with the minutes to wait. `returnTo`: where the identity provider sends the browser back to.
 */
export function SignInPage({ notice, returnTo, onSignedIn }: { notice: string | null; returnTo: string; onSignedIn: (me: Me) => void }) {
  const options = useSignInOptions()
  const [login, setLogin] = useState('')
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(notice)
  const passwordInput = useRef<HTMLInputElement>(null)
  const loginInput = useRef<HTMLInputElement>(null)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (busy) return
    if (!login.trim()) return loginInput.current?.focus()
    if (!password) return passwordInput.current?.focus()
    setBusy(true)
    setError(null)
    try {
      const me = await postJson('/api/v1/session', { login, password } satisfies SignInRequest, Me)
      onSignedIn(me)
    } catch (err) {
      setError(signInErrorText(err))
      setPassword('')
      setBusy(false)
      passwordInput.current?.focus()
    }
  }

  return (
    <main className="sign-in-page" data-testid="sign-in-page">
      <form className="sign-in-card" onSubmit={(e) => void submit(e)} aria-labelledby="sign-in-title" aria-busy={busy}>
        <div className="sign-in-mark" aria-hidden="true" />
        <h1 id="sign-in-title">城市社会治理指挥中心</h1>
        <p className="sign-in-sub">网格化社会治理 · 指挥调度平台</p>
        <label>
          <span>登录名</span>
          <input
            ref={loginInput} name="login" value={login} onChange={(e) => setLogin(e.target.value)} autoFocus
            autoComplete="username" autoCapitalize="none" spellCheck={false} maxLength={64} required
          />
        </label>
        <label>
          <span>密码</span>
          <input
            ref={passwordInput} name="password" type="password" value={password} onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password" maxLength={256} required
          />
        </label>
        <p className="sign-in-error" role="alert" data-testid="sign-in-error">{error ?? ''}</p>
        <button type="submit" disabled={busy} data-testid="sign-in-submit">{busy ? '正在登录…' : '登录'}</button>
        {options?.oidc && (
          <>
            <p className="sign-in-or"><span>或</span></p>
            <a className="sign-in-oidc" href={`/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`} data-testid="sign-in-oidc">使用{options.oidc.name}登录</a>
          </>
        )}
      </form>
      <p className="sign-in-foot">仅限授权人员使用 · 登录、退出与每一次写入均记入审计日志</p>
    </main>
  )
}
