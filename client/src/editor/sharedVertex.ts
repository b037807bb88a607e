import type { DraftFeature } from '../../../contract'

type Pos = [number, number]
type Ring = Pos[]

/** Two positions within this of each other (degrees, on each axis) are one vertex: both are rounded to the store's 1e-6°. */
const SAME = 5e-7
/** A vertex this close to a segment (degrees) lies on it: a rounded vertex lies within 0.71e-6° of the edge it was cut on. */
const ON_EDGE = 1.5e-6

const same = (a: Pos, b: Pos) => Math.abs(a[0] - b[0]) <= SAME && Math.abs(a[1] - b[1]) <= SAME

/** Whether `p` lies on the segment a–b, between its ends (not at either). */
function onSegment(p: Pos, a: Pos, b: Pos): boolean {
  if (same(p, a) || same(p, b)) return false
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]]
  const t = ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)
  if (!(t > 0 && t < 1)) return false
  return Math.hypot(a[0] + t * dx - p[0], a[1] + t * dy - p[1]) <= ON_EDGE
}

/**
 * What one drag did to a ring, read off the ring before and after: a vertex moved, one added on an edge (terra-draw's
 * midpoint handle, dragged) and moved, or one deleted. Null for anything else (no change, or more than one).
 */
type VertexEdit =
  | { kind: 'moved'; from: Pos; to: Pos }
  | { kind: 'added'; between: [Pos, Pos]; to: Pos }
  | { kind: 'deleted'; at: Pos; between: [Pos, Pos] }

const open = (ring: Ring): Ring => (ring.length > 1 && same(ring[0]!, ring.at(-1)!) ? ring.slice(0, -1) : ring)
const closed = (ring: Ring): Ring => [...ring, ring[0]!]

export function vertexEdit(before: Ring, after: Ring): VertexEdit | null {
  const [b, a] = [open(before), open(after)]
  const around = (r: Ring, i: number): [Pos, Pos] => [r[(i - 1 + r.length) % r.length]!, r[(i + 1) % r.length]!]
  if (a.length === b.length) {
    const moved = b.flatMap((p, i) => (same(p, a[i]!) ? [] : [i]))
    return moved.length === 1 ? { kind: 'moved', from: b[moved[0]!]!, to: a[moved[0]!]! } : null
  }
  // One vertex more or fewer: the first index where the rings part is where it was added or deleted.
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a]
  if (longer.length !== shorter.length + 1) return null
  const i = shorter.findIndex((p, k) => !same(p, longer[k]!))
  const at = i === -1 ? shorter.length : i
  if (!shorter.every((p, k) => same(p, longer[k < at ? k : k + 1]!))) return null
  return a.length > b.length
    ? { kind: 'added', between: around(a, at), to: a[at]! }
    : { kind: 'deleted', at: b[at]!, between: around(b, at) }
}

/**
 * A ring with a moved vertex's edges noded: every edge that ends at `from` or runs through it gains the vertices of other
 * grids lying on it (`from` itself included, a T where it lies on the edge), so that when `from` moves the edge bends at
 * them and keeps meeting the grids they belong to.
 */
function noded(r: Ring, from: Pos, vertices: readonly Pos[]): Ring {
  const out: Ring = []
  for (let i = 0; i < r.length; i++) {
    const [p, next] = [r[i]!, r[(i + 1) % r.length]!]
    out.push(p)
    if (!same(p, from) && !same(next, from) && !onSegment(from, p, next)) continue
    const along = (v: Pos) => Math.hypot(v[0] - p[0], v[1] - p[1])
    const on = vertices.filter((v) => onSegment(v, p, next)).sort((a, b) => along(a) - along(b))
    for (const v of on) if (!same(v, out.at(-1)!)) out.push(v)
  }
  return out
}

/** A ring with the edit carried over, or the ring itself when the edit does not touch it. */
function carried(ring: Ring, edit: VertexEdit, vertices: readonly Pos[]): Ring {
  const r = open(ring)
  let out: Ring
  if (edit.kind === 'moved') {
    out = noded(r, edit.from, vertices).map((p) => (same(p, edit.from) ? edit.to : p))
  } else if (edit.kind === 'added') {
    // The added vertex was the middle of the dragged grid's edge: where that edge is this grid's too, it bends with it.
    const middle: Pos = [(edit.between[0][0] + edit.between[1][0]) / 2, (edit.between[0][1] + edit.between[1][1]) / 2]
    out = r.flatMap((p, i) => (onSegment(middle, p, r[(i + 1) % r.length]!) ? [p, edit.to] : [p]))
  } else {
    const [x, y] = edit.between
    // Dropped only where this grid's edge ran through it between the same two vertices: it is then a straight edge on both sides.
    out = r.filter((p, i) => {
      const [prev, next] = [r[(i - 1 + r.length) % r.length]!, r[(i + 1) % r.length]!]
      return !(same(p, edit.at) && ((same(prev, x) && same(next, y)) || (same(prev, y) && same(next, x))))
    })
  }
  const changed = out.length !== r.length || out.some((p, i) => !same(p, r[i]!))
  return changed ? closed(out) : ring
}

const ringsOf = (g: DraftFeature['geometry']): Ring[] => (g.type === 'Polygon' ? g.coordinates : g.coordinates.flat()) as Ring[]

/**
 * Grid `code` and its neighbours after one of its vertices was dragged, its outer ring `before` becoming `after`: a
 * vertex they share moves in all of them, a vertex on a neighbour's edge keeps on it, and the edges at it bend at the
 * vertices other grids have on them; a vertex added on a shared edge is added to the neighbour's edge too, one deleted
 * from a shared edge goes from both. So the grids keep tiling: no gap opens and no overlap forms where one grid alone
 * moved. Returns every grid (the dragged one a polygon of its new ring, as it is drawn) and the neighbours changed.
 */
export function carryVertex(grids: readonly DraftFeature[], code: string, before: Ring, after: Ring): { grids: DraftFeature[]; touched: string[] } {
  const edit = vertexEdit(before, after)
  const vertices = edit?.kind === 'moved' ? grids.flatMap((f) => ringsOf(f.geometry).flatMap(open)) : []
  const touched: string[] = []
  const out = grids.map((f): DraftFeature => {
    if (f.properties.code === code) {
      const ring = edit?.kind === 'moved' ? carried(before, edit, vertices) : after
      return { ...f, geometry: { type: 'Polygon', coordinates: [ring] } }
    }
    if (!edit) return f
    const rings = (rs: Ring[]) => rs.map((ring) => carried(ring, edit, vertices))
    const geometry: DraftFeature['geometry'] = f.geometry.type === 'Polygon'
      ? { type: 'Polygon', coordinates: rings(f.geometry.coordinates as Ring[]) }
      : { type: 'MultiPolygon', coordinates: f.geometry.coordinates.map((p) => rings(p as Ring[])) }
    const [was, now] = [ringsOf(f.geometry), ringsOf(geometry)]
    if (now.every((ring, i) => ring === was[i])) return f
    touched.push(f.properties.code)
    return { ...f, geometry }
  })
  return { grids: out, touched }
}
