import { DisputeKind, HazardKind, Holder, labels, type TimeLimitRow } from '../../../contract'

export type Kind = NonNullable<TimeLimitRow['kind']>
/** Hazards first: their tighter limits are the ones most often set apart. */
export const KINDS: readonly Kind[] = [...HazardKind.options, ...DisputeKind.options]
export const HOLDERS = Holder.options

export const inKindOrder = (a: { kind: Kind }, b: { kind: Kind }) => KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind)

export const kindLabel = (k: Kind): string => (k in labels.hazardKind ? labels.hazardKind[k as HazardKind] : labels.disputeKind[k as DisputeKind])

/** Hours as typed, per holder: `sign` to sign for a case, `handle` to handle it. */
export type Pair = { sign: string; handle: string }
type Cells = Record<Holder, Pair>
/** The table as the tab edits it: every holder's limits for every kind, and the kinds set apart. */
export type Draft = { base: Cells; kinds: { kind: Kind; cells: Cells }[] }

export const blank = (): Cells => Object.fromEntries(HOLDERS.map((h) => [h, { sign: '', handle: '' }])) as Cells

/** The stored rows as the tab shows them: hours as text, kinds in the order of `KINDS`. */
export function draftOf(rows: readonly TimeLimitRow[]): Draft {
  const draft: Draft = { base: blank(), kinds: [] }
  for (const r of rows) {
    const pair = { sign: String(r.signHours), handle: String(r.handleHours) }
    if (r.kind === null) draft.base[r.holder] = pair
    else {
      let row = draft.kinds.find((k) => k.kind === r.kind)
      if (!row) draft.kinds.push(row = { kind: r.kind, cells: blank() })
      row.cells[r.holder] = pair
    }
  }
  draft.kinds.sort(inKindOrder)
  return draft
}

/** Which cell a row's field came from, so the contract's and the server's issues (`3.signHours`) are shown there. */
export const cellKey = (holder: Holder, kind: Kind | null, which: keyof Pair) => `${holder}/${kind ?? '*'}/${which}`
export type Cell = { key: string; label: string }

const WHICH = { sign: '签收时限', handle: '办理时限' } as const
const cellLabel = (holder: Holder, kind: Kind | null, which?: keyof Pair) =>
  `${labels.holder[holder]} · ${kind ? kindLabel(kind) : '通用'}${which ? ` · ${WHICH[which]}` : ''}`

/** `''` is missing (the contract says it is required); anything else that is not a number, the contract refuses. */
const hours = (typed: string) => (typed.trim() === '' ? undefined : Number(typed.trim()))

/**
 * The rows to check and send, unchecked, and each field's cell. A kind's holder with both hours blank has no
 * row (the holder's own limits apply); with one blank, the row goes with it missing, to be refused there.
 */
export function rowsOf(draft: Draft): { rows: unknown[]; cells: Map<string, Cell> } {
  const rows: unknown[] = []
  const cells = new Map<string, Cell>()
  const put = (holder: Holder, kind: Kind | null, p: Pair) => {
    for (const which of ['sign', 'handle'] as const) {
      cells.set(`${rows.length}.${which}Hours`, { key: cellKey(holder, kind, which), label: cellLabel(holder, kind, which) })
    }
    rows.push({ holder, kind, signHours: hours(p.sign), handleHours: hours(p.handle) })
  }
  for (const h of HOLDERS) put(h, null, draft.base[h])
  for (const { kind, cells: c } of draft.kinds) {
    for (const h of HOLDERS) if (c[h].sign.trim() !== '' || c[h].handle.trim() !== '') put(h, kind, c[h])
  }
  return { rows, cells }
}

/** What a save changed, as an admin reads it: `乡镇(街道) · 通用 签收 8→6 小时`, `网格 · 燃气安全 新定 1/48 小时`. */
export function changes(before: readonly TimeLimitRow[], after: readonly TimeLimitRow[]): string[] {
  const key = (r: TimeLimitRow) => `${r.holder}/${r.kind}`
  const was = new Map(before.map((r) => [key(r), r]))
  const is = new Set(after.map(key))
  return [
    ...after.flatMap((r) => {
      const old = was.get(key(r))
      if (!old) return [`${cellLabel(r.holder, r.kind)} 新定 ${r.signHours}/${r.handleHours} 小时`]
      const moved = [
        ...(old.signHours !== r.signHours ? [`签收 ${old.signHours}→${r.signHours}`] : []),
        ...(old.handleHours !== r.handleHours ? [`办理 ${old.handleHours}→${r.handleHours}`] : []),
      ]
      return moved.length ? [`${cellLabel(r.holder, r.kind)} ${moved.join('，')} 小时`] : []
    }),
    ...before.filter((r) => !is.has(key(r))).map((r) => `${cellLabel(r.holder, r.kind)} 改为沿用通用时限`),
  ]
}
