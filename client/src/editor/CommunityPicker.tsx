import { type KeyboardEvent, useMemo, useState } from 'react'
import type { RegionCollection } from '../../../contract'

type Region = RegionCollection['features'][number]
/** A township's communities and villages, in code order, as the list shows them under the township's name. */
type Group = { code: string; name: string; communities: { code: string; name: string }[] }

/** The communities grouped by their township, townships and communities each in code order. */
export function communityGroups(regions: readonly Region[]): Group[] {
  const townships = new Map(regions.filter((f) => f.properties.level === 'township').map((f) => [f.properties.code, f.properties.name]))
  const groups = new Map<string, Group>()
  const communities = regions.filter((f) => f.properties.level === 'community').sort((a, b) => a.properties.code.localeCompare(b.properties.code))
  for (const { properties: c } of communities) {
    const township = c.parentCode ?? ''
    let g = groups.get(township)
    if (!g) groups.set(township, (g = { code: township, name: townships.get(township) ?? '其他', communities: [] }))
    g.communities.push({ code: c.code, name: c.name })
  }
  return [...groups.values()].sort((a, b) => a.code.localeCompare(b.code))
}

/** What fits the typed text: a community whose name has it, or every community of a township whose name has it. */
function matching(groups: readonly Group[], typed: string): Group[] {
  const t = typed.trim()
  if (!t) return [...groups]
  return groups.flatMap((g) => {
    const communities = g.name.includes(t) ? g.communities : g.communities.filter((c) => c.name.includes(t) || c.code.startsWith(t))
    return communities.length > 0 ? [{ ...g, communities }] : []
  })
}

/**
 * Picks the community (社区/村) to edit: a search box (type part of a community's or a township's name) over a list
 * grouped by township, walked with the arrow keys, Enter taking the one marked (the first that fits, until an arrow
 * moves), Escape closing it. A combobox as ARIA describes it, so a screen reader names the township of each option.
 */
export function CommunityPicker({ regions, value, onChange }: { regions: readonly Region[]; value: string | null; onChange: (code: string) => void }) {
  const groups = useMemo(() => communityGroups(regions), [regions])
  const [typed, setTyped] = useState('')
  const [open, setOpen] = useState(false)
  const [marked, setMarked] = useState<string | null>(null)
  const shown = useMemo(() => matching(groups, typed), [groups, typed])
  const flat = shown.flatMap((g) => g.communities.map((c) => c.code))
  const active = marked !== null && flat.includes(marked) ? marked : (flat[0] ?? null)
  const chosen = groups.flatMap((g) => g.communities.map((c) => ({ ...c, township: g.name }))).find((c) => c.code === value)

  const choose = (code: string) => {
    setOpen(false)
    setTyped('')
    setMarked(null)
    onChange(code)
  }
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      setOpen(true)
      const at = active === null ? -1 : flat.indexOf(active)
      const next = flat[Math.min(flat.length - 1, Math.max(0, at + (e.key === 'ArrowDown' ? 1 : -1)))]
      if (next) setMarked(next)
    } else if (e.key === 'Enter' && open && active) {
      e.preventDefault()
      choose(active)
    } else if (e.key === 'Escape') {
      setOpen(false)
      setTyped('')
    }
  }

  return (
    <div className="community-picker">
      <label htmlFor="community-search">社区（村）</label>
      <input
        id="community-search" type="search" role="combobox" autoComplete="off" spellCheck={false} data-testid="community"
        aria-expanded={open} aria-controls="community-options" aria-autocomplete="list"
        aria-activedescendant={open && active ? `community-option-${active}` : undefined}
        placeholder={chosen ? `${chosen.township} › ${chosen.name}` : '输入社区（村）或乡镇名称'}
        value={typed}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onChange={(e) => {
          setTyped(e.target.value)
          setMarked(null)
          setOpen(true)
        }}
        onKeyDown={onKeyDown}
      />
      {chosen && <p className="chosen" data-testid="community-chosen">{chosen.township} › <b>{chosen.name}</b></p>}
      {open && (
        <div className="community-options" id="community-options" role="listbox" aria-label="社区（村），按乡镇分组" data-testid="community-options">
          {shown.length === 0 && <p className="empty">没有名称含“{typed.trim()}”的社区（村）或乡镇</p>}
          {shown.map((g) => (
            <div key={g.code} role="group" aria-labelledby={`township-${g.code}`}>
              <p className="township" id={`township-${g.code}`} role="presentation">{g.name}</p>
              {g.communities.map((c) => (
                <p key={c.code} id={`community-option-${c.code}`} role="option" aria-selected={c.code === active} data-code={c.code}
                  className={c.code === value ? 'current' : undefined}
                  // Before the input's blur, which closes the list under the pointer.
                  onMouseDown={(e) => {
                    e.preventDefault()
                    choose(c.code)
                  }}>{c.name}</p>
              ))}
            </div>
          ))}
        </div>
      )}
    </div>
  )
}
