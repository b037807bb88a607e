import type { z } from 'zod'
import type {
  AcknowledgeRequest, AssignRequest, CaseDetail, CaseParties, CaseReport, CasesQuery, CaseSummary, EscalateRequest, StepRequest,
} from '../../../contract/cases'
import type { Role } from '../../../contract/auth'
import type { ActorRole, CaseSource } from '../../../contract/domain'
import { acknowledgement, AcknowledgementRefused } from '../../../domain/acknowledgement'
import { citywide, coversCode, type Reach, reachesCase, seesFreeText } from '../../../domain/access'
import type { Identity } from './identity'
import { gridAt } from '../db/cityQueries'
import type { Db, Queryable } from '../db/Db'
import { sqlFiles } from '../db/sqlFiles'
import {
  ActionRefused, actingFor, type Actor, arrival, assignment, type CaseFacts, escalation, escalationByHand, IllegalStep, merger, nextSteps,
  type StepOutcome, takeStep, viewOf,
} from '../../../domain/caseLoop'
import { inboxOf } from '../../../domain/inbox'
import { COLLECTED_BY } from '../../../domain/intake'
import type { TimeLimits } from '../../../domain/timeLimits'
import type { Commit } from '../live/commit'
import type { PendingChange } from '../live/outbox'
import type { DepartmentCommands } from './departments'
import { reportFiler } from './reportFiler'
import { conflict, forbidden, invalid, notFound } from './serviceErrors'
import type { TimeLimitStore } from './timeLimits'

const sql = sqlFiles([
  'report_cases', 'insert_history', 'case_facts_for_update', 'update_case', 'write_routes', 'grid_posts', 'grid_by_code',
  'case_summary', 'case_detail', 'list_cases', 'overdue_cases', 'case_parties', 'log_party_access', 'desk_inbox_level', 'desk_inbox_department',
  'add_report', 'queue_answers', 'acknowledge_case',
])

/** How a report came in besides what it says: its channel's ticket, the place as the reporter put it, the sender's idempotency key. */
export type Filing = { ticket?: string | null; address?: string; idempotencyKey?: string | null }

/** Another report of an open case (并案): its channel and ticket, the place as put, who called. */
export type MergeInput = Filing & { channel: CaseSource; caller: { name: string; phone?: string | undefined } }

/** The steps that owe the case's reporters an answer on their channels (回告), and the event each sends. */
const ANSWERING: Partial<Record<string, 'answered' | 'closed'>> = { answer: 'answered', close: 'closed' }

export type ReportInput = z.output<typeof CaseReport>
export type StepInput = z.output<typeof StepRequest>
export type EscalateInput = z.output<typeof EscalateRequest>
export type AssignInput = z.output<typeof AssignRequest>
export type AcknowledgeInput = z.output<typeof AcknowledgeRequest>

type StoredRoute = { department: string; lead: boolean; routedAt: string; signDueAt: string; signedAt: string | null }
type StoredFacts = Omit<CaseFacts, 'routes'> & {
  source: CaseSource; gridCode: string; townshipCode: string; department: string | null; version: number; acknowledgedAt: Date | null; routes: StoredRoute[]
}

/** A case as locked for an action: what the domain decides on, where it is, and the version it is at. */
type LockedCase = CaseFacts & {
  source: CaseSource; gridCode: string; townshipCode: string; department: string | null; version: number; acknowledgedAt: Date | null
}

const lockedOf = ({ routes, ...row }: StoredFacts): LockedCase => ({
  ...row,
  routes: routes.map((r) => ({
    department: r.department, lead: r.lead, routedAt: new Date(r.routedAt), signDueAt: new Date(r.signDueAt), signedAt: r.signedAt ? new Date(r.signedAt) : null,
  })),
})

async function lock(tx: Queryable, id: number): Promise<LockedCase | null> {
  const [row] = await tx.query<StoredFacts>(sql.case_facts_for_update, [id])
  return row ? lockedOf(row) : null
}

async function summary(tx: Queryable, id: number): Promise<CaseSummary> {
  const [row] = await tx.query<{ summary: CaseSummary }>(sql.case_summary, [id])
  return row!.summary
}

/** Who acts: the caller, for the department they are (a department officer) or name (a duty leader, a service). */
const actorOf = ({ role, scope }: Identity, named?: string): Actor => ({
  role, department: 'department' in scope ? scope.department : named ?? null,
})

/**
 * A case with its history and the steps the caller may take next. Its free text (description, notes) only
 * for a role that handles cases: it often names people.
 */
async function detailOf(q: Queryable, id: number, caller: Identity, now: Date, limits: TimeLimits): Promise<CaseDetail | null> {
  const [row] = await q.query<{ summary: CaseSummary; description: string; history: CaseDetail['history'] }>(sql.case_detail, [id])
  if (!row) return null
  const text = seesFreeText(caller.role)
  const view = viewOf(row.summary)
  const actor = actorOf(caller)
  return {
    ...row.summary,
    description: text ? row.description : null,
    history: text ? row.history : row.history.map((h) => ({ ...h, note: null })),
    next: nextSteps(view, actor, now, limits),
    actingFor: actingFor(view, actor),
  }
}

async function write(tx: Queryable, id: number, o: StepOutcome, before: LockedCase): Promise<PendingChange> {
  const { facts: f, entry: e } = o
  await tx.query(sql.update_case, [
    id, f.level, f.state, f.dueAt, f.escalations, f.closedAt, f.resolved, f.satisfaction, e.assignee,
    f.signedAt, f.sender, f.sendBacks, f.reopened, f.followedUpAt, o.moveTo,
  ])
  const [step] = await tx.query<{ id: number }>(sql.insert_history, [
    id, e.step, e.actorRole, e.level, e.at, e.department, e.note, e.assignee, e.dueAt, e.reason, e.channel, e.assisting, e.toGrid, e.accepted, e.satisfaction,
  ])
  const answering = ANSWERING[e.step]
  if (answering) await tx.query(sql.queue_answers, [id, step!.id, answering, e.at, e.note])
  if (o.routesEnded !== null || f.routes !== before.routes) {
    const r = f.routes
    await tx.query(sql.write_routes, [
      id, e.at, o.routesEnded, r.map((x) => x.department), r.map((x) => x.lead), r.map((x) => x.routedAt), r.map((x) => x.signDueAt), r.map((x) => x.signedAt),
    ])
  }
  return { entity: 'case', entityId: id, op: 'update', payload: await summary(tx, id) }
}

/** The domain's refusals as a conflict with the case's state. */
function ruled(decide: () => StepOutcome): StepOutcome {
  try {
    return decide()
  } catch (err) {
    if (err instanceof IllegalStep || err instanceof ActionRefused) throw conflict('illegal_step', err.message)
    throw err
  }
}

/** Why an acknowledgement was refused, as the conflict a client reads. */
function acknowledgedOnce(decide: () => StepOutcome): StepOutcome {
  try {
    return decide()
  } catch (err) {
    if (!(err instanceof AcknowledgementRefused)) throw err
    if (err.why === 'closed') throw conflict('case_closed', err.message)
    if (err.why === 'not_urgent') throw conflict('not_urgent', err.message)
    throw conflict('already_acknowledged', err.message)
  }
}

/** Who the history says filed a report a person made at their level; a seat, a device or a service files it as its channel's collector. */
const REPORTED_AS: Partial<Record<Role, ActorRole>> = {
  duty_leader: 'duty_leader', grid_worker: 'grid_worker', community_officer: 'community', township_officer: 'township',
}

/** 400 on `worker` unless it is a post of the case's grid, naming the posts there are. */
async function checkPost(tx: Queryable, worker: string, gridCode: string): Promise<void> {
  const posts = (await tx.query<{ code: string }>(sql.grid_posts, [gridCode])).map((p) => p.code)
  if (posts.includes(worker)) return
  const reason = `is not a post of grid ${gridCode}, the case's grid; its posts are ${posts.join(', ') || 'none'}`
  throw invalid([{ field: 'worker', reason }])
}

/** 400 on `grid` unless it is a current grid; 403 unless it lies in the caller's scope. */
async function checkGrid(tx: Queryable, grid: string, { reach }: Identity): Promise<void> {
  if ((await tx.query(sql.grid_by_code, [grid])).length === 0) throw invalid([{ field: 'grid', reason: `${grid} is not a current grid` }])
  if (!coversCode(reach, grid)) throw forbidden(`grid ${grid} is outside this account's scope`)
}

/** The case loop over the store: reports, steps, the platform's escalations (by the stored time limits), reads. */
export function caseCommands({ db, commit, limits, departments }: { db: Db; commit: Commit; limits: TimeLimitStore; departments: DepartmentCommands }) {
  const fileReport = reportFiler(commit, sql.report_cases)
  /**
   * One action on a case under its row lock, written with its change: 404 for an unknown case or one outside
   * the caller's scope, then 409 `stale_case` with the case as it is now when the caller decided on another
   * version than the one the lock found. Checked under the lock, so of two actions decided on the same
   * version one succeeds and the other is told.
   */
  const act = async (
    id: number, caller: Identity, expectedVersion: number | undefined,
    decide: (facts: LockedCase, now: Date, tx: Queryable, limits: TimeLimits) => StepOutcome | Promise<StepOutcome>,
  ): Promise<CaseSummary> => {
    // Read before the transaction: the limits are read on the store itself, which an embedded store (PGlite)
    // holds for the open transaction, so reading them inside it waits for ever.
    const current = await limits.current()
    return commit(async (tx, now) => {
      const facts = await lock(tx, id)
      if (!facts || !reachesCase(caller.reach, { ...facts, departments: facts.routes.map((r) => ({ name: r.department })) })) {
        throw notFound(`no case with id ${id} in this account's scope`)
      }
      if (expectedVersion !== undefined && facts.version !== expectedVersion) {
        throw conflict('stale_case', `case ${id} is at version ${facts.version}, not version ${expectedVersion}: it changed since it was read`,
          { current: (await detailOf(tx, id, caller, now, current))! })
      }
      const change = await write(tx, id, await decide(facts, now, tx, current), facts)
      return { result: change.payload as CaseSummary, changes: [change] }
    })
  }

  /**
   * `report` with how it came in: its first report row carries the channel's ticket, the address as put and the
   * sender's idempotency key; a ticket or key already taken writes nothing and fails on its unique constraint.
   */
  const file = async (input: ReportInput, { role, reach, accountId }: Identity, filing: Filing = {}): Promise<{ summary: CaseSummary; reportId: number }> => {
    // A scope of the whole city holds every point of it: only a narrower one costs a lookup first.
    const at = citywide(reach) ? null : await gridAt(db, input.location[0], input.location[1])
    if (at && !coversCode(reach, at.grid.code)) throw forbidden(`grid ${at.grid.code}, where the location lies, is outside this account's scope`)
    // Who the history says filed it: the reporter's role, or for devices and the simulator the channel's collector.
    const actor: ActorRole = REPORTED_AS[role] ?? COLLECTED_BY[input.source]
    const current = await limits.current()
    const row = await fileReport((now) => {
      const start = arrival({ kind: input.kind as CaseFacts['kind'], source: input.source }, now, current)
      return {
        category: input.category, kind: input.kind, source: input.source, lon: input.location[0], lat: input.location[1], dueAt: start.dueAt,
        description: input.description, actor, signedAt: start.signedAt, sender: start.sender,
        ticket: filing.ticket ?? null, address: filing.address ?? '', accountId, idempotencyKey: filing.idempotencyKey ?? null,
        parties: input.parties.map((x) => ({ role: x.role, name: x.name, phone: x.phone ?? null, idNumber: x.idNumber ?? null })),
      }
    })
    if (!row) {
      throw invalid([{ field: 'location', reason: 'is outside the city: no grid covers it' }])
    }
    return row
  }

  return {
    /**
     * Files a report where its point lies; 400 naming `location` when that is outside every grid,
     * 403 when a grid worker reports outside their own grid.
     */
    async report(input: ReportInput, caller: Identity): Promise<CaseSummary> {
      return (await file(input, caller)).summary
    },

    file,


    /**
     * Adds a report to an open case in the caller's scope (并案) with a `merge` step: 404 outside the scope, 409
     * for a closed case. Its caller becomes an applicant of that report, to be answered as the first one is.
     */
    async merge(id: number, input: MergeInput, caller: Identity): Promise<{ summary: CaseSummary; reportId: number }> {
      let reportId = 0
      const what = `${input.channel}${input.ticket ? ` ${input.ticket}` : ''}`
      const summary = await act(id, caller, undefined, async (facts, now, tx) => {
        const outcome = ruled(() => merger(facts, `并入 ${what}`, caller.role, now))
        const [added] = await tx.query<{ id: number }>(sql.add_report, [
          id, input.channel, input.ticket ?? null, now, input.address ?? '', caller.accountId, input.idempotencyKey ?? null, input.caller.name, input.caller.phone ?? null,
        ])
        reportId = added!.id
        return outcome
      })
      return { summary, reportId }
    },

    /**
     * Takes the next step; 404 for an unknown case or one outside the scope, 409 naming the state and what may
     * follow, 400 naming `lead`/`assisting` for departments that cannot be summoned, `grid` for a grid that is not one.
     */
    step(id: number, input: StepInput, caller: Identity): Promise<CaseSummary> {
      return act(id, caller, input.expectedVersion, async (facts, now, tx, current) => {
        const outcome = ruled(() => takeStep(facts, input, actorOf(caller, input.department), now, current))
        if (input.step === 'route') await departments.checkRoute(tx, input.lead!, input.assisting ?? [], facts.level, facts.townshipCode)
        if (input.step === 'dispatch') await checkGrid(tx, input.grid!, caller)
        return outcome
      })
    },

    /** A duty leader moves a case up one level by hand; 409 for a closed case or one at the city. */
    escalate(id: number, input: EscalateInput, caller: Identity): Promise<CaseSummary> {
      return act(id, caller, input.expectedVersion, (facts, now, _tx, current) => ruled(() => escalationByHand(facts, input.reason, now, current)))
    },

    /** Assigns a case to a post of its grid; 400 naming `worker` for any other, 409 for a closed case. */
    assign(id: number, input: AssignInput, caller: Identity): Promise<CaseSummary> {
      return act(id, caller, input.expectedVersion, async (facts, now, tx) => {
        await checkPost(tx, input.worker, facts.gridCode)
        return ruled(() => assignment(facts, input.worker, input.note, caller.role, now))
      })
    },

    /**
     * A seat or a duty leader confirms an urgent hazard's alarm was received (确认收到): 404 outside the scope,
     * 409 `case_closed`, `not_urgent`, or `already_acknowledged` (of two at once, the second: both wait on the row lock).
     */
    acknowledge(id: number, input: AcknowledgeInput, caller: Identity): Promise<CaseSummary> {
      return act(id, caller, undefined, async (facts, now, tx, current) => {
        const outcome = acknowledgedOnce(() => acknowledgement(facts, input.note, caller.role, now, current))
        await tx.query(sql.acknowledge_case, [id, now])
        return outcome
      })
    },

    /**
     * The platform's clock: every open case past its due time (to be signed for, or to be handled) moves one
     * level up with a supervise step, each in its own transaction. Due times live in the store, so this
     * survives a restart; a moved case gets a new due time, so it is moved once per lapse. Returns how many moved.
     */
    async escalateOverdue(now: Date, limit = 500): Promise<number> {
      const due = await db.query<{ id: number }>(sql.overdue_cases, [now, limit])
      if (due.length === 0) return 0
      const current = await limits.current()
      let moved = 0
      for (const { id } of due) {
        const done = await commit(async (tx, at) => {
          const facts = await lock(tx, id)
          const outcome = facts ? escalation(facts, at, current) : null
          if (!facts || !outcome) return { result: false, changes: [] }
          return { result: true, changes: [await write(tx, id, outcome, facts)] }
        })
        if (done) moved++
      }
      return moved
    },

    /**
     * One case for `caller`: 404 outside their scope as for a case that does not exist, since case ids are
     * counted and a 403 would confirm that a case with that id is somewhere else.
     */
    async detail(id: number, caller: Identity, now: Date): Promise<CaseDetail> {
      const found = await detailOf(db, id, caller, now, await limits.current())
      if (!found || !reachesCase(caller.reach, found)) throw notFound(`no case with id ${id} in this account's scope`)
      return found
    },

    /** The cases in `reach` that the query asks for. */
    async list(q: CasesQuery, reach: Reach, now: Date): Promise<CaseSummary[]> {
      const rows = await db.query<{ summary: CaseSummary }>(sql.list_cases, [
        q.region ?? null, q.grid ?? null, q.state ?? null, q.overdue ?? null, now, q.limit, q.kind ?? null, q.closedDays ?? null,
        reach.prefix, reach.department,
      ])
      return rows.map((r) => r.summary)
    },

    /**
     * The caller's inbox: the open cases at their level in their area (a grid worker's grid, an officer's
     * community or township, the city for a city-wide desk), or routed to their department now; least time left first.
     */
    async inbox({ role, reach }: Identity, limit: number): Promise<CaseSummary[]> {
      const of = inboxOf(role, reach)
      const rows = of.department !== null
        ? await db.query<{ summary: CaseSummary }>(sql.desk_inbox_department, [of.department, limit])
        : await db.query<{ summary: CaseSummary }>(sql.desk_inbox_level, [of.level, of.prefix, limit])
      return rows.map((r) => r.summary)
    },

    /** A case's parties, for a duty leader in scope; the read itself is logged with who and when, in the same transaction. */
    parties(id: number, caller: Identity, now: Date): Promise<CaseParties> {
      const actor = caller.login
      return db.transaction(async (tx) => {
        const [exists] = await tx.query<{ summary: CaseSummary }>(sql.case_summary, [id])
        if (!exists || !reachesCase(caller.reach, exists.summary)) throw notFound(`no case with id ${id} in this account's scope`)
        await tx.query(sql.log_party_access, [id, actor, now])
        const parties = await tx.query<CaseParties['parties'][number]>(sql.case_parties, [id])
        return { caseId: id, parties: parties.map((p) => ({ ...p, phone: p.phone ?? undefined, idNumber: p.idNumber ?? undefined })) }
      })
    },
  }
}
export type CaseCommands = ReturnType<typeof caseCommands>
