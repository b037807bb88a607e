import { type KeyboardEvent, useId, useState } from 'react'
import { z } from 'zod'
import { labels, Place } from '../../../contract'
import type { ChosenPoint } from './intakeDraft'
import { useDebouncedRead } from './useDebouncedRead'

const Places = z.array(Place)
const SUGGESTIONS = 8

/**
 * Where it happened, typed as the caller says it (`中华大街一中东门`): as the seat types, the gazetteer's places
 * that match are offered (`GET /api/v1/places`); ↑/↓ move, Enter takes the highlighted one (the map flies
 * there and the point is set), Esc closes the list. The text stays as typed: it is the report's `address`.
 * An ARIA combobox, so a screen reader says which suggestion is highlighted.
 */
export function PlaceField({ address, point, locality, onAddress, onChoose, issue }: {
  address: string; point: ChosenPoint | null; locality: { text: string; outside: boolean } | null; onAddress: (text: string) => void; onChoose: (p: ChosenPoint) => void
  issue: string | undefined
}) {
  const id = useId()
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const q = address.trim()
  const read = useDebouncedRead(open && q ? `/api/v1/places?${new URLSearchParams({ q, limit: String(SUGGESTIONS) })}` : null, Places, 120)
  const places = open && read.data ? read.data : []
  const shown = places.length > 0
  const at = Math.min(active, places.length - 1)

  const choose = (p: Place) => {
    onChoose({ location: p.location, name: p.name, kind: p.kind, within: p.within })
    setOpen(false)
  }
  const keys = (e: KeyboardEvent<HTMLInputElement>) => {
    // A key that commits what an input method is composing (拼音 → 汉字) is the input method's.
    if (e.nativeEvent.isComposing) return
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      if (!shown) return setOpen(true)
      const step = e.key === 'ArrowDown' ? 1 : -1
      setActive((a) => (a + step + places.length) % places.length)
    } else if (e.key === 'Enter' && shown && !e.shiftKey) {
      // Enter takes the highlighted place; with the list closed it files the form.
      e.preventDefault()
      choose(places[at]!)
    } else if (e.key === 'Escape' && shown) {
      e.preventDefault()
      e.stopPropagation()
      setOpen(false)
    }
  }

  return (
    <div className="field place-field">
      <label htmlFor={`${id}-input`}>地点 <span className="hint-key">输入地址或地名，↑↓ 选择，Enter 确定；或在地图上点选</span></label>
      <div className="combo">
        <input
          id={`${id}-input`} name="address" type="text" autoComplete="off" value={address}
          role="combobox" aria-expanded={shown} aria-controls={`${id}-list`} aria-autocomplete="list"
          aria-activedescendant={shown ? `${id}-opt-${at}` : undefined} aria-invalid={issue ? true : undefined}
          placeholder="如：中华大街 安达市第一中学" onKeyDown={keys} onBlur={() => setOpen(false)}
          onChange={(e) => {
            onAddress(e.target.value)
            setActive(0)
            setOpen(true)
          }}
        />
        {read.busy && open && q && <span className="combo-busy" aria-hidden="true">…</span>}
        <ul id={`${id}-list`} role="listbox" aria-label="地名库中的地点" className="suggestions" data-testid="place-suggestions" hidden={!shown}>
          {places.map((p, i) => (
            <li
              key={p.id} id={`${id}-opt-${i}`} role="option" aria-selected={i === at} data-place={p.name}
              className={i === at ? 'active' : ''}
              // mousedown, not click: the input's blur would close the list first.
              onMouseDown={(e) => {
                e.preventDefault()
                choose(p)
              }}
            >
              <span className={`place-kind ${p.kind}`}>{labels.placeKind[p.kind]}</span>
              <b>{p.name}</b>
              <span className="within">{p.within}</span>
            </li>
          ))}
        </ul>
      </div>
      {open && q && read.url !== null && read.data?.length === 0 && !read.busy && <p className="combo-none">地名库中没有“{q}”，请在地图上点选位置</p>}
      <p className="chosen-point" data-testid="chosen-point" data-lon={point?.location[0]} data-lat={point?.location[1]}>
        {point
          ? <>
              <span className="pin" aria-hidden="true" />
              {point.name ? <><b>{point.name}</b> <span className="dim">{point.kind ? labels.placeKind[point.kind] : ''}</span></> : <b>地图选点</b>}
              <span className="coords">{point.location[0].toFixed(5)}, {point.location[1].toFixed(5)}</span>
              {locality && <span className={`locality${locality.outside ? ' outside' : ''}`} data-testid="locality">{locality.text}</span>}
            </>
          : <span className="dim">尚未定位</span>}
      </p>
      {issue && <span className="field-issue" role="alert">{issue}</span>}
    </div>
  )
}
