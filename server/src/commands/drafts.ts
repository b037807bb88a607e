import type {
  CaseMove, Draft, DraftCheck, DraftDiff, DraftEdit, DraftFeature, DraftFeatures, DraftGeometry, DraftGridProps, DraftNeighbours, DraftsQuery,
  DraftStatus, DraftSummary, NextGridCode, PublishResult,
} from '../../../contract/drafts'
import type { CaseSummary } from '../../../contract/cases'
import type { CameraView, GridChange, GridCover } from '../../../contract/live'
import type { Clock } from '../clock'
import type { Db, Queryable, Row } from '../db/Db'
import { sqlFiles } from '../db/sqlFiles'
import { type CheckFacts, checkDraft, merged, nextGridCode, splitHouseholds, splitOff, TOLERANCE_M2 } from '../../../domain/gridRules'
import type { Commit } from '../live/commit'
import type { PendingChange } from '../live/outbox'
import { conflict, invalid, notFound, refused as refusedBy } from './serviceErrors'

const sql = sqlFiles([
  'draft_community', 'draft_create', 'draft_import', 'draft_open', 'draft_json', 'draft_list', 'draft_for_update', 'draft_features',
  'draft_save', 'draft_delete', 'draft_used_codes', 'draft_split', 'draft_merge', 'draft_check', 'draft_diff_grids', 'draft_case_moves',
  'draft_close_grids', 'draft_insert_grids', 'draft_move_cases', 'draft_refresh_covers', 'draft_drop_covers', 'draft_place_cameras', 'draft_rollup_households',
  'draft_published', 'draft_neighbours',
])

type Locked = { id: number; communityCode: string; communityId: number; status: DraftStatus; version: number }
type DiffRow = { code: string; name: string; sourceCode: string | null; action: 'added' | 'removed' | 'kept'; geometry: boolean; attributes: string[] }
type SplitRow = {
  found: boolean; parts: number | null; cutShare: number | null
  halves: { geometry: DraftGeometry; areaM2: number; valid: boolean }[]
  touched: { index: number; code: string; geometry: DraftGeometry; valid: boolean }[]
}
type MergeRow = { found: boolean; neighbours: boolean; geometry: DraftGeometry | null; parts: number | null; valid: boolean | null }

/**
 * A statement that always answers one row (an aggregate, a RETURNING of a row known to be there): none
 * back is the engine failing, never "nothing found". PGlite answers a GEOS error with no rows at all.
 */
async function one<R extends Row>(q: Queryable, text: string, params: readonly unknown[], what: string): Promise<R> {
  const [row] = await q.query<R>(text, params)
  if (!row) throw new Error(`${what}: the store answered no row`)
  return row
}

/** Rows a write must have touched, `expected` of them; fewer is the engine failing, inside the transaction it rolls back. */
async function exactly<R extends Row>(q: Queryable, text: string, params: readonly unknown[], expected: number, what: string): Promise<R[]> {
  const rows = await q.query<R>(text, params)
  if (rows.length !== expected) throw new Error(`${what}: expected ${expected} rows, the store answered ${rows.length}`)
  return rows
}

const refused = (message: string) => refusedBy('edit_refused', message)

async function draftOf(q: Queryable, id: number): Promise<Draft | null> {
  const [row] = await q.query<{ draft: Draft }>(sql.draft_json, [id])
  return row?.draft ?? null
}

/**
 * The draft locked for a write: 404 for an unknown one, 409 `draft_published` for one already published,
 * 409 `stale_draft` with the draft as it is now when it changed since `expectedVersion`. Checked under the
 * lock, so of two writes decided on the same version one succeeds and the other is told.
 */
async function lock(tx: Queryable, id: number, expectedVersion?: number): Promise<Locked> {
  const [d] = await tx.query<Locked>(sql.draft_for_update, [id])
  if (!d) throw notFound(`no draft with id ${id}`)
  if (d.status !== 'open') throw conflict('draft_published', `draft ${id} is published; open a new draft of community ${d.communityCode} to change its grids`)
  if (expectedVersion !== undefined && d.version !== expectedVersion) {
    throw conflict('stale_draft', `draft ${id} is at version ${d.version}, not version ${expectedVersion}: it changed since it was read`, { draft: (await draftOf(tx, id))! })
  }
  return d
}

async function featuresOf(tx: Queryable, id: number): Promise<DraftFeature[]> {
  return (await one<{ features: DraftFeatures }>(tx, sql.draft_features, [id], 'draft features')).features.features
}

async function save(tx: Queryable, id: number, features: readonly DraftFeature[], now: Date): Promise<Draft> {
  await one(tx, sql.draft_save, [id, JSON.stringify({ type: 'FeatureCollection', features }), now], 'saving a draft')
  return (await draftOf(tx, id))!
}

/** A code no grid of the community ever had, nor any of the draft's; 422 once all 999 are spent. */
async function freeCode(q: Queryable, communityCode: string, features: readonly DraftFeature[]): Promise<string> {
  const used = (await q.query<{ code: string }>(sql.draft_used_codes, [communityCode])).map((u) => u.code)
  const code = nextGridCode(communityCode, [...used, ...features.map((f) => f.properties.code)])
  if (!code) throw refused(`community ${communityCode} has used every grid number up to 999`)
  return code
}

const feature = (geometry: DraftGeometry, properties: DraftGridProps): DraftFeature => ({ type: 'Feature', id: properties.code, geometry, properties })

/** The one grid of the draft with `code`: 404 when there is none, 422 when the code is taken twice (the check reports it). */
function gridIn(features: readonly DraftFeature[], code: string, id: number): number {
  const at = features.flatMap((f, i) => (f.properties.code === code ? [i] : []))
  if (at.length === 0) throw notFound(`draft ${id} has no grid ${code}`)
  if (at.length > 1) throw refused(`draft ${id} has ${at.length} grids with code ${code}; give each its own code first`)
  return at[0]!
}

/** The draft's grids beside the community's current ones (draft_diff_grids.sql): what publishing would add, close, and give a new version. */
function planOf(rows: readonly DiffRow[]) {
  return {
    added: rows.filter((g) => g.action === 'added'),
    removed: rows.filter((g) => g.action === 'removed'),
    changed: rows.filter((g) => g.action === 'kept' && (g.geometry || g.attributes.length > 0)),
  }
}

/** Checks kept, the most recently asked: a few analysts' drafts, each a few versions back. */
const CHECKS_KEPT = 64

async function checkOf(q: Queryable, id: number): Promise<DraftCheck> {
  const facts = (await one<{ facts: CheckFacts }>(q, sql.draft_check, [id, TOLERANCE_M2], 'draft check')).facts
  return { draftId: id, version: facts.version, toleranceM2: TOLERANCE_M2, ...checkDraft(facts) }
}

/** The analysts' drafts over the store: kept, edited in PostGIS, checked, compared with the current grids and published. */
export function draftCommands({ db, commit, clock }: { db: Db; commit: Commit; clock: Clock }) {
  // A check depends on the draft's grids and its community's outline alone, and every write of the grids
  // (publishing too) raises the draft's version: so it is computed once a version, in this process, and kept by
  // `id@version`, least recently asked dropped first. A check asked while the same one is computed shares it.
  // Publishing checks again under the draft's lock, not from here.
  const checks = new Map<string, Promise<DraftCheck>>()
  function checkOnce(id: number, version: number): Promise<DraftCheck> {
    const key = `${id}@${version}`
    let check = checks.get(key)
    if (check) checks.delete(key)
    else {
      check = checkOf(db, id)
      // A failed check is not kept: the next asks again.
      check.catch(() => checks.get(key) === check && checks.delete(key))
    }
    checks.set(key, check)
    if (checks.size > CHECKS_KEPT) checks.delete(checks.keys().next().value!)
    return check
  }

  /** A new open draft of `community` by `insert`; 404 for an unknown community, 409 `draft_exists` naming its open draft. */
  async function openDraft(community: string, insert: () => Promise<{ id: number }[]>): Promise<Draft> {
    const [known] = await db.query(sql.draft_community, [community])
    if (!known) throw notFound(`no community or village with code ${community}`)
    const [made] = await insert()
    if (made) return (await draftOf(db, made.id))!
    const [existing] = await db.query<{ id: number }>(sql.draft_open, [community])
    const draft = existing ? await draftOf(db, existing.id) : null
    throw conflict('draft_exists',
      draft ? `community ${community} already has open draft ${draft.id} (by ${draft.createdBy}, version ${draft.version}); publish or discard it first`
        : `community ${community} already has an open draft`, draft ? { draft } : undefined)
  }

  async function get(id: number): Promise<Draft> {
    const draft = await draftOf(db, id)
    if (!draft) throw notFound(`no draft with id ${id}`)
    return draft
  }

  type Edit = (tx: Queryable, features: DraftFeature[], draft: Locked) => Promise<{ features: DraftFeature[]; codes: string[]; touched: string[] }>
  /** Applies `change` to the draft's grids under its lock and saves them as its next version. */
  const edit = (id: number, expectedVersion: number, change: Edit) =>
    db.transaction(async (tx): Promise<DraftEdit> => {
      const locked = await lock(tx, id, expectedVersion)
      const { features, codes, touched } = await change(tx, await featuresOf(tx, id), locked)
      return { draft: await save(tx, id, features, clock.now()), codes, touched }
    })

  return {
    /** A draft loaded with the community's current grids, each naming itself as its source. */
    create(community: string, actor: string): Promise<Draft> {
      return openDraft(community, () => db.query(sql.draft_create, [community, actor, clock.now()]))
    },

    /** A draft of the grids given, e.g. from a file; they are checked like any draft. */
    import(community: string, features: DraftFeatures, actor: string): Promise<Draft> {
      return openDraft(community, () => db.query(sql.draft_import, [community, actor, clock.now(), JSON.stringify(features)]))
    },

    async list(q: DraftsQuery): Promise<DraftSummary[]> {
      return (await db.query<{ summary: DraftSummary }>(sql.draft_list, [q.community ?? null, q.status ?? null])).map((r) => r.summary)
    },

    get,

    /** The code a new grid of the draft takes: after the highest the community ever used (retired grids' too) and the draft's own. */
    async nextCode(id: number): Promise<NextGridCode> {
      const draft = await get(id)
      return { code: await freeCode(db, draft.communityCode, draft.features.features) }
    },

    replace(id: number, features: DraftFeatures, expectedVersion: number): Promise<Draft> {
      return db.transaction(async (tx) => {
        await lock(tx, id, expectedVersion)
        return save(tx, id, features.features, clock.now())
      })
    },

    /** Discards an open draft; 409 for a published one, which stays as the record of its redraw. */
    discard(id: number): Promise<void> {
      return db.transaction(async (tx) => {
        await lock(tx, id)
        await one(tx, sql.draft_delete, [id], 'discarding a draft')
      })
    },

    /**
     * Cuts a grid in two along a line (ST_Split): the larger half keeps the grid, the other gets the
     * community's next free code and its households' share by area; 422 unless the line cuts it in two.
     */
    split(id: number, req: { code: string; line: [number, number][]; expectedVersion: number }): Promise<DraftEdit> {
      return edit(id, req.expectedVersion, async (tx, features, draft) => {
        const i = gridIn(features, req.code, id)
        const r = await one<SplitRow>(tx, sql.draft_split, [id, req.code, JSON.stringify({ type: 'LineString', coordinates: req.line })], 'splitting a grid')
        if (!r.found) throw refused(`grid ${req.code} is not a valid polygon; repair it before splitting it`)
        if (r.parts !== 2) throw refused(`the line cuts grid ${req.code} into ${r.parts} part${r.parts === 1 ? '' : 's'}: it must cross the grid once, from edge to edge, to cut it in two`)
        const [kept, cut] = r.halves as [SplitRow['halves'][number], SplitRow['halves'][number]]
        if (!kept.valid || !cut.valid) throw refused(`the halves of grid ${req.code} are not valid polygons at 1e-6° precision: cut it along another line`)
        // ST_Split loses no area; parts that do not add up to the grid are the engine failing.
        if (Math.abs(r.cutShare! - 1) > 1e-9) throw new Error(`split of grid ${req.code}: the parts are ${r.cutShare} of the grid`)
        const code = await freeCode(tx, draft.communityCode, features)
        const props = features[i]!.properties
        const [keep, move] = splitHouseholds(props.households, kept.areaM2, cut.areaM2)
        // A neighbour the added vertex would make invalid keeps its edge: the check then shows the sliver, if any is over the tolerance.
        const touched = r.touched.filter((t) => t.valid)
        const next = [...features]
        for (const t of touched) next[t.index] = feature(t.geometry, features[t.index]!.properties)
        next.splice(i, 1, feature(kept.geometry, { ...props, households: keep }), feature(cut.geometry, splitOff(props, code, move)))
        return { features: next, codes: [req.code, code], touched: touched.map((t) => t.code) }
      })
    },

    /**
     * Two neighbours as one (ST_Union): the first keeps its code, households are added up. A second grid that shares
     * no edge with the first is a wrong request (400 naming `codes.1`): the editor offers only neighbours (`neighbours`).
     */
    merge(id: number, req: { codes: [string, string]; expectedVersion: number }): Promise<DraftEdit> {
      return edit(id, req.expectedVersion, async (tx, features) => {
        const [a, b] = req.codes
        const [i, j] = [gridIn(features, a, id), gridIn(features, b, id)]
        const r = await one<MergeRow>(tx, sql.draft_merge, [id, a, b], 'merging grids')
        if (!r.found) throw refused(`grids ${a} and ${b} must both be valid polygons to be merged; repair them first`)
        if (!r.neighbours) throw invalid([{ field: 'codes.1', reason: `must share an edge with grid ${a}; only neighbours can be merged` }])
        if (!r.geometry || r.parts !== 1 || !r.valid) throw refused(`grids ${a} and ${b} do not merge into one valid polygon`)
        const next = features.map((f, k) => (k === i ? feature(r.geometry!, merged(f.properties, features[j]!.properties)) : f)).filter((_, k) => k !== j)
        return { features: next, codes: [a], touched: [] }
      })
    },

    /** The pairs of the draft's grids a merge takes: those sharing an edge, by the merge's own rule. */
    async neighbours(id: number): Promise<DraftNeighbours> {
      const [row] = await db.query<{ version: number; pairs: [string, string][] }>(sql.draft_neighbours, [id])
      if (!row) throw notFound(`no draft with id ${id}`)
      return { draftId: id, version: row.version, pairs: row.pairs }
    },

    /** The draft checked, once a version: errors refuse publishing, warnings do not. */
    async check(id: number): Promise<DraftCheck> {
      return checkOnce(id, (await get(id)).version)
    },

    /** What publishing would do: grids added, removed and changed, and the open cases that would move. Read under the draft's lock, so both halves are of one version. */
    diff(id: number): Promise<DraftDiff> {
      return db.transaction(async (tx) => {
        const [d] = await tx.query<Locked>(sql.draft_for_update, [id])
        if (!d) throw notFound(`no draft with id ${id}`)
        const plan = planOf(await tx.query<DiffRow>(sql.draft_diff_grids, [id]))
        return {
          draftId: id, version: d.version,
          added: plan.added.map(({ code, name, sourceCode }) => ({ code, name, sourceCode })),
          removed: plan.removed.map(({ code, name }) => ({ code, name })),
          changed: plan.changed.map(({ code, name, geometry, attributes }) => ({ code, name, geometry, attributes })),
          moves: await tx.query<CaseMove>(sql.draft_case_moves, [id]),
        }
      })
    },

    /**
     * Publishes the draft in one transaction with its changes, streamed after commit: 422 `check_failed` with
     * the check when it has errors. Each changed grid's current version is closed and its next opened, removed
     * grids are closed, added ones opened, unchanged ones stay; every open case of the community is put in the
     * grid now covering its point (a move is written to its history); the new grids' camera cover is
     * recomputed; the draft is kept, published, with `note` (调整说明) saying why.
     */
    publish(id: number, expectedVersion: number, note: string, actor: string): Promise<PublishResult> {
      return commit(async (tx, now) => {
        const d = await lock(tx, id, expectedVersion)
        const check = await checkOf(tx, id)
        if (check.errors.length > 0) {
          const first = check.errors.slice(0, 3).map((e) => e.message).join('; ')
          throw refusedBy('check_failed', `draft ${id} has ${check.errors.length} error${check.errors.length === 1 ? '' : 's'}, e.g. ${first}`, { check })
        }
        const plan = planOf(await tx.query<DiffRow>(sql.draft_diff_grids, [id]))
        const [added, removed, changed] = [plan.added, plan.removed, plan.changed].map((rows) => rows.map((g) => g.code)) as [string[], string[], string[]]
        type Written = { code: string; payload: GridChange }
        const closed = await exactly<Written>(tx, sql.draft_close_grids, [d.communityId, [...changed, ...removed], now], changed.length + removed.length, 'closing grids')
        const opened = await exactly<Written>(tx, sql.draft_insert_grids, [id, [...changed, ...added], d.communityId, now], changed.length + added.length, 'opening grids')
        const moved = await tx.query<CaseMove & { summary: CaseSummary }>(sql.draft_move_cases, [d.communityId, now, id])
        const covers = opened.length === 0 ? []
          : await exactly<{ payload: GridCover }>(tx, sql.draft_refresh_covers, [opened.map((g) => g.code)], opened.length, 'camera cover')
        if (removed.length > 0) await tx.query(sql.draft_drop_covers, [removed])
        const placed = await tx.query<{ id: number; payload: CameraView }>(sql.draft_place_cameras, [[...changed, ...removed, ...added]])
        await one(tx, sql.draft_rollup_households, [d.communityId], 'households')
        await one(tx, sql.draft_published, [id, now, actor, note], 'publishing a draft')
        const closedNow = new Map(closed.map((g) => [g.code, g.payload]))
        const changes: PendingChange[] = [
          ...removed.map((code): PendingChange => ({ entity: 'grid', entityId: code, op: 'delete', payload: closedNow.get(code) })),
          ...opened.map((g): PendingChange => ({ entity: 'grid', entityId: g.code, op: added.includes(g.code) ? 'insert' : 'update', payload: g.payload })),
          ...covers.map(({ payload }): PendingChange => ({ entity: 'cover', entityId: payload.gridCode, op: 'update', payload })),
          ...moved.map((m): PendingChange => ({ entity: 'case', entityId: m.caseId, op: 'update', payload: m.summary })),
          ...placed.map((c): PendingChange => ({ entity: 'camera', entityId: c.id, op: 'update', payload: c.payload })),
        ]
        const { features: _, ...summary } = (await draftOf(tx, id))!
        return {
          result: { draft: summary, added, changed, removed, moves: moved.map(({ caseId, caseCode, from, to }) => ({ caseId, caseCode, from, to })) },
          changes,
        }
      })
    },
  }
}
export type DraftCommands = ReturnType<typeof draftCommands>
