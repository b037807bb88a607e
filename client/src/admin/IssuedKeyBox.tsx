import { useEffect, useRef, useState } from 'react'
import type { IssuedKey } from '../../../contract'

/**
 * A key just issued, shown this once (the server keeps only its hash): selected for copying, a copy
 * button, and a plain warning. For a wall display, the kiosk's address with the key is given too.
 */
export function IssuedKeyBox({ login, issued, forWall, onDone }: { login: string; issued: IssuedKey; forWall: boolean; onDone: () => void }) {
  const field = useRef<HTMLInputElement>(null)
  const [copied, setCopied] = useState<string | null>(null)
  useEffect(() => {
    field.current?.focus()
    field.current?.select()
  }, [issued.key])
  const copy = (text: string, what: string) => {
    navigator.clipboard.writeText(text).then(() => setCopied(`${what}已复制`), () => {
      field.current?.select()
      setCopied('无法直接复制：已选中，请按 Ctrl+C')
    })
  }
  const kiosk = `${window.location.origin}/wall?key=${encodeURIComponent(issued.key)}`
  return (
    <section className="issued-key" role="alertdialog" aria-labelledby="issued-key-title" aria-describedby="issued-key-warning" data-testid="issued-key">
      <h3 id="issued-key-title">已为 {login} 签发密钥「{issued.label}」</h3>
      <p id="issued-key-warning" className="warning">⚠ 此密钥只显示这一次：服务器只保存其摘要，关闭后无法再次查看。请立即复制并妥善保存，不要通过聊天工具发送。</p>
      <div className="key-line">
        <input ref={field} readOnly value={issued.key} aria-label="新密钥" data-testid="issued-key-value" onFocus={(e) => e.target.select()} spellCheck={false} />
        <button type="button" onClick={() => copy(issued.key, '密钥')}>复制密钥</button>
      </div>
      {forWall && (
        <div className="key-line">
          <input readOnly value={kiosk} aria-label="大屏启动地址" onFocus={(e) => e.target.select()} spellCheck={false} />
          <button type="button" onClick={() => copy(kiosk, '大屏地址')}>复制大屏地址</button>
        </div>
      )}
      <p className="copied" role="status">{copied ?? ''}</p>
      <button type="button" className="primary" onClick={onDone} data-testid="issued-key-done">我已保存，关闭</button>
    </section>
  )
}
