import type { CaseSummary } from '../../../contract/cases'
import type { CaseCategory, CaseLevel, CaseState, CaseStep } from '../../../contract/domain'
import { labels } from '../../../contract/labels'
import type { CaseMediations, Mediation, MediationBodiesQuery, MediationBody, MediationResult, ReferToMediation } from '../../../contract/mediation'
import { codePrefix, parentCode, reachesCase } from '../../../domain/access'
import { actorRoleOf } from '../../../domain/caseLoop'
import { beijingDate } from '../../../domain/periods'
import type { Db, Queryable } from '../db/Db'
import { sqlFiles } from '../db/sqlFiles'
import type { Commit } from '../live/commit'
import type { Identity } from './identity'
import { conflict, invalid, notFound } from './serviceErrors'

const sql = sqlFiles([
  'case_facts_for_update', 'case_summary', 'insert_history', 'mediation_bodies', 'mediation_body', 'mediation_list', 'mediation_open',
  'mediation_refer', 'mediation_for_update', 'mediation_end', 'mediation_confirm', 'mediation_case_version',
])

const ONE_OPEN = 'case_mediations_one_open_idx'

/** What a mediation needs of the case it belongs to, as locked for the write. */
type LockedCase = {
  category: CaseCategory; kind: string; state: CaseState; level: CaseLevel; gridCode: string; department: string | null; routes: { department: string }[]
}
type Written = { step: CaseStep; note: string }

/** The regions an area lies in, nearest first: a grid's community, a community's township, then the city and up. */
function enclosing(code: string): string[] {
  const codes: string[] = []
  for (let c = parentCode(code); c !== null; c = parentCode(c)) codes.push(c)
  return codes
}

const withNote = (what: string, note: string) => (note ? `${what}：${note}` : what)

const openMediation = (id: number, open: { id: number; referredAt: string; bodyName: string }) =>
  conflict('mediation_open', `case ${id} has mediation ${open.id} open at ${open.bodyName} since ${open.referredAt}; record its outcome before referring it again`)

/** The store's refusal of a second open mediation under the unique index (both engines word it alike). */
const secondOpen = (err: unknown) => err instanceof Error && (err as { code?: string }).code === '23505' && err.message.includes(ONE_OPEN)

/**
 * Mediation of disputes (调解): the bodies serving an area, a case's mediations, referring a dispute to a body
 * (移交调解) and recording what came of it (调解结果, 司法确认). Each write is a step of the case's history
 * and a new version of the case, logged for the live stream in the same transaction.
 */
export function mediationCommands({ db, commit }: { db: Db; commit: Commit }) {
  const listOf = (q: Queryable, caseId: number, mediationId: number | null) => q.query<Mediation>(sql.mediation_list, [caseId, mediationId])

  /**
   * A write on a case under its row lock: 404 for an unknown case or one outside the caller's reach, then
   * `work`, whose steps go into the history; the case's new version and summary go to the change log.
   */
  const act = <T>(id: number, caller: Identity, work: (c: LockedCase, now: Date, tx: Queryable) => Promise<{ result: T; steps: Written[] }>): Promise<T> =>
    commit(async (tx, now) => {
      const [c] = await tx.query<LockedCase>(sql.case_facts_for_update, [id])
      if (!c || !reachesCase(caller.reach, { ...c, departments: c.routes.map((r) => ({ name: r.department })) })) {
        throw notFound(`no case with id ${id} in this account's scope`)
      }
      const { result, steps } = await work(c, now, tx)
      const actorRole = actorRoleOf(caller.role, c.level)
      const department = 'department' in caller.scope ? caller.scope.department : null
      for (const s of steps) {
        await tx.query(sql.insert_history, [id, s.step, actorRole, c.level, now, department, s.note, null, null, null, null, null, null, null, null])
      }
      await tx.query(sql.mediation_case_version, [id])
      const [row] = await tx.query<{ summary: CaseSummary }>(sql.case_summary, [id])
      return { result, changes: [{ entity: 'case', entityId: id, op: 'update', payload: row!.summary }] }
    })

  return {
    /**
     * The bodies serving `area` (the caller's own area when not given): those of the regions in it and of the
     * regions it lies in, so a community's list holds its township's committee and the city's specialised ones.
     * A department's reader sees the specialised committees only, the ones its field refers to. The router
     * has checked that `area` lies in the caller's scope.
     */
    bodies(q: MediationBodiesQuery, caller: Identity): Promise<MediationBody[]> {
      const code = q.area ?? ('region' in caller.scope ? caller.scope.region : null)
      return db.query<MediationBody>(sql.mediation_bodies, [
        code === null ? null : codePrefix(code), code === null ? [] : enclosing(code), 'department' in caller.scope,
      ])
    },

    /** A case's mediations, oldest first; 404 outside the caller's reach, as for a case that does not exist. */
    async ofCase(id: number, caller: Identity): Promise<CaseMediations> {
      const [found] = await db.query<{ summary: CaseSummary }>(sql.case_summary, [id])
      if (!found || !reachesCase(caller.reach, found.summary)) throw notFound(`no case with id ${id} in this account's scope`)
      return { caseId: id, mediations: await listOf(db, id, null) }
    },

    /**
     * Refers a dispute to a body with a `mediate` step. 404 outside the reach; 409 for a hazard, a closed case
     * or a case with a mediation still open (of two racing referrals, the second); 400 naming `bodyId` for a
     * body that does not exist, does not serve the case's area or does not take its kind of dispute.
     */
    async refer(id: number, input: ReferToMediation, caller: Identity): Promise<Mediation> {
      try {
        return await act(id, caller, async (c, now, tx) => {
          if (c.category !== 'dispute') throw conflict('not_a_dispute', `case ${id} reports a hazard (${c.kind}), not a dispute: only a dispute is referred to mediation`)
          if (c.state === 'closed') throw conflict('case_closed', `case ${id} is closed; a closed case is not referred to mediation`)
          const [open] = await tx.query<{ id: number; referredAt: string; bodyName: string }>(sql.mediation_open, [id])
          if (open) throw openMediation(id, open)
          const [body] = await tx.query<{ id: number; name: string; disputeKinds: string[]; areaCode: string; areaName: string }>(sql.mediation_body, [input.bodyId])
          if (!body) throw invalid([{ field: 'bodyId', reason: `no mediation body with id ${input.bodyId}` }])
          if (!c.gridCode.startsWith(codePrefix(body.areaCode))) {
            throw invalid([{ field: 'bodyId', reason: `${body.name} serves ${body.areaName}, where case ${id} does not lie` }])
          }
          if (!body.disputeKinds.includes(c.kind)) {
            throw invalid([{ field: 'bodyId', reason: `${body.name} does not take ${c.kind} disputes; it takes ${body.disputeKinds.join(', ')}` }])
          }
          const [added] = await tx.query<{ id: number }>(sql.mediation_refer, [id, body.id, input.kind, input.mode, now])
          const note = withNote(`移交${body.name}（${labels.mediationKind[input.kind]}·${labels.mediationMode[input.mode]}）`, input.note)
          return { result: (await listOf(tx, id, added!.id))[0]!, steps: [{ step: 'mediate', note }] }
        })
      } catch (err) {
        // Two referrals that both found none open: the store lets one through.
        if (!secondOpen(err)) throw err
        const [open] = await db.query<{ id: number; referredAt: string; bodyName: string }>(sql.mediation_open, [id])
        throw open ? openMediation(id, open) : conflict('mediation_open', `case ${id} has a mediation open; record its outcome before referring it again`)
      }
    },

    /**
     * Records what came of a mediation (`mediation_result`) or a court's confirmation of its agreement
     * (`judicial_confirmation`), or both. 404 for a mediation not of this case or a case outside the reach;
     * 409 for an outcome recorded twice, or a confirmation of no agreement or confirmed already; 400 naming
     * `confirmedAt` before the mediation ended or in the future, `sessions` or `amountYuan` without an outcome.
     */
    record(id: number, mediationId: number, input: MediationResult, caller: Identity): Promise<Mediation> {
      return act(id, caller, async (_c, now, tx) => {
        const [m] = await tx.query<{ id: number; bodyName: string; outcome: string | null; endedAt: Date | null; confirmedAt: Date | null }>(
          sql.mediation_for_update, [mediationId, id])
        if (!m) throw notFound(`case ${id} has no mediation with id ${mediationId}`)
        const steps: Written[] = []
        let { outcome, endedAt } = m
        if (input.outcome === undefined) {
          const stray = (['sessions', 'amountYuan'] as const).filter((f) => input[f] !== undefined)
          if (stray.length) throw invalid(stray.map((field) => ({ field, reason: 'is recorded with an outcome' })))
        } else {
          if (m.outcome !== null) throw conflict('mediation_ended', `mediation ${mediationId} ended already (${m.outcome}, ${m.endedAt!.toISOString()})`)
          const amount = input.amountYuan ?? null
          await tx.query(sql.mediation_end, [mediationId, input.sessions, input.outcome, now, amount])
          const what = `${m.bodyName}调解${input.sessions}次，${labels.mediationOutcome[input.outcome]}${amount === null ? '' : `，协议金额${amount}元`}`
          steps.push({ step: 'mediation_result', note: withNote(what, input.note) })
          outcome = input.outcome
          endedAt = now
        }
        if (input.confirmedAt !== undefined) {
          if (outcome !== 'agreement') {
            throw conflict('not_an_agreement', outcome === null
              ? `mediation ${mediationId} has no outcome yet: a court confirms an agreement once one is reached`
              : `mediation ${mediationId} ended without an agreement: there is nothing for a court to confirm`)
          }
          if (m.confirmedAt !== null) throw conflict('already_confirmed', `mediation ${mediationId}'s agreement was confirmed already (${m.confirmedAt.toISOString()})`)
          const at = new Date(input.confirmedAt)
          if (at < endedAt!) throw invalid([{ field: 'confirmedAt', reason: `is before the mediation ended (${endedAt!.toISOString()})` }])
          if (at > now) throw invalid([{ field: 'confirmedAt', reason: 'is in the future' }])
          await tx.query(sql.mediation_confirm, [mediationId, at])
          steps.push({ step: 'judicial_confirmation', note: withNote(`调解协议经法院司法确认（${beijingDate(at)}）`, input.outcome === undefined ? input.note : '') })
        }
        return { result: (await listOf(tx, id, mediationId))[0]!, steps }
      })
    },
  }
}
export type MediationCommands = ReturnType<typeof mediationCommands>
