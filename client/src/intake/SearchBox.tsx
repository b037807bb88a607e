import { type FormEvent, type KeyboardEvent, type Ref, useRef, useState } from 'react'
import { type CaseSummary, labels, type Place, SearchResult } from '../../../contract'
import { fetchJson } from '../api/fetchJson'
import { kindLabel } from '../cases/kindLabel'
import { errorText } from '../ui/errorText'

const MATCHED = { code: '案件编号', ticket: '渠道编号', phone: '来电号码' } as const

/**
 * One box for a case number (`AD20261205009746`), a channel's ticket or a place (`GET /api/v1/search`): Enter
 * searches; a single case found opens at once, else ↓ goes into the results and Enter opens one. A place found
 * flies the map there.
 */
export function SearchBox({ inputRef, onOpenCase, onPlace }: {
  inputRef: Ref<HTMLInputElement>; onOpenCase: (c: CaseSummary) => void; onPlace: (p: Place) => void
}) {
  const [q, setQ] = useState('')
  const [result, setResult] = useState<SearchResult | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const list = useRef<HTMLOListElement>(null)

  const search = async (e: FormEvent) => {
    e.preventDefault()
    const text = q.trim()
    if (!text) return
    setBusy(true)
    setError(null)
    try {
      const found = await fetchJson(`/api/v1/search?${new URLSearchParams({ q: text })}`, SearchResult)
      setResult(found)
      const [only] = found.cases
      if (only && found.cases.length === 1 && found.places.length === 0) onOpenCase(only.case)
    } catch (err) {
      setResult(null)
      setError(errorText(err))
    } finally {
      setBusy(false)
    }
  }
  const buttons = () => [...(list.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])]
  const fromInput = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && buttons().length > 0) {
      e.preventDefault()
      buttons()[0]!.focus()
    }
  }
  const move = (e: KeyboardEvent<HTMLOListElement>) => {
    const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0
    if (!step) return
    e.preventDefault()
    const all = buttons()
    const at = all.indexOf(document.activeElement as HTMLButtonElement)
    all[Math.min(all.length - 1, Math.max(0, at + step))]?.focus()
  }
  const count = result ? result.cases.length + result.places.length : 0

  return (
    <section className="search" aria-label="查询案件">
      <form onSubmit={(e) => void search(e)} role="search" className="search-form">
        <input
          ref={inputRef} type="search" name="q" value={q} autoComplete="off" spellCheck={false} aria-label="查询：案件编号、渠道编号或地点"
          placeholder="查询：案件编号 / 工单号 / 地点" onChange={(e) => setQ(e.target.value)} onKeyDown={fromInput} data-testid="search-input"
        />
        <button type="submit" disabled={busy}>查询</button>
        <kbd className="search-key">Ctrl+K</kbd>
      </form>
      {error && <p className="notice error" role="alert">{error}</p>}
      {result && (
        <div className="search-results" data-testid="search-results">
          {count === 0 && <p className="empty">没有找到“{q.trim()}”相关的案件或地点。</p>}
          <ol ref={list} onKeyDown={move}>
            {result.cases.map(({ case: c, matched }) => (
              <li key={`c${c.id}`}>
                <button type="button" className="result case" data-case-id={c.id} onClick={() => onOpenCase(c)}>
                  <span className={`dot ${c.category}`} /> <b>{kindLabel(c)}</b> <span className="code">{c.code}</span>
                  <span className="state">{labels.caseState[c.state]}</span><span className="matched">{MATCHED[matched]}</span>
                </button>
              </li>
            ))}
            {result.places.map((p) => (
              <li key={`p${p.id}`}>
                <button type="button" className="result place" data-place={p.name} onClick={() => onPlace(p)}>
                  <span className="place-kind">{labels.placeKind[p.kind]}</span> <b>{p.name}</b> <span className="within">{p.within}</span>
                </button>
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  )
}
