import type { z } from 'zod'
import type { CaseReport, CaseSummary } from '../../../contract/cases'
import type {
  CaseReportInfo, CaseReports, IntakeReport, IntakeResult, Place, SearchResult, SimilarCase, SimilarQuery,
} from '../../../contract/intake'
import { SIMILAR_DAYS, SIMILAR_METRES } from '../../../contract/intake'
import { may, reachesCase } from '../../../domain/access'
import type { Clock } from '../clock'
import type { Db } from '../db/Db'
import { sqlFiles } from '../db/sqlFiles'
import type { CaseCommands, Filing } from './cases'
import type { Identity } from './identity'
import { conflict, notFound } from './serviceErrors'

const sql = sqlFiles(['report_by_key', 'report_by_ticket', 'case_summary', 'similar_cases', 'case_reports_of', 'places_search', 'search_cases', 'log_party_access'])

export type IntakeInput = z.output<typeof IntakeReport>
export type ReportInput = z.output<typeof CaseReport>

/** A filing's outcome: the case, the report filed, whether it joined a case, and whether this was a repeat of an earlier send. */
export type Filed = { summary: CaseSummary; reportId: number; merged: boolean; repeated: boolean }

/** The store's refusal of a second row under a unique constraint, by the constraint's name (both engines word it alike). */
const violates = (err: unknown, constraint: string) =>
  err instanceof Error && (err as { code?: string }).code === '23505' && err.message.includes(constraint)

const CASE_CODE = /^[A-Za-z]{2}\d{14}$/
const PHONE = /^(1\d{10}|0\d{9,11})$/

/**
 * The channels' way in: a seat's report (new, or merged into an open case), any report sent again under its
 * idempotency key, duplicates offered as the seat types, a case's reports with their answers, the gazetteer,
 * and the one search box.
 */
export function intakeCommands({ db, cases, clock }: { db: Db; cases: CaseCommands; clock: Clock }) {
  const inScope = async (id: number, caller: Identity): Promise<CaseSummary> => {
    const [row] = await db.query<{ summary: CaseSummary }>(sql.case_summary, [id])
    if (!row || !reachesCase(caller.reach, row.summary)) throw notFound(`no case with id ${id} in this account's scope`)
    return row.summary
  }

  const byKey = async (caller: Identity, key: string): Promise<Filed | null> => {
    const [row] = await db.query<{ reportId: number; summary: CaseSummary; merged: boolean }>(sql.report_by_key, [caller.accountId, key])
    return row ? { ...row, repeated: true } : null
  }

  /**
   * Files once per account and idempotency key: a key seen before answers with what it filed then; two sends
   * racing on one key are settled by the store's unique constraint, the loser answered as a repeat.
   */
  const once = async (caller: Identity, key: string | undefined, fresh: () => Promise<Omit<Filed, 'repeated'>>): Promise<Filed> => {
    if (key) {
      const seen = await byKey(caller, key)
      if (seen) return seen
    }
    try {
      return { ...(await fresh()), repeated: false }
    } catch (err) {
      if (key && violates(err, 'case_reports_account_id_idempotency_key_key')) {
        const seen = await byKey(caller, key)
        if (seen) return seen
      }
      throw err
    }
  }

  /** 409 `ticket_taken` with the case holding it (when the caller may see it) instead of the store's bare refusal. */
  const ticketTaken = async (channel: string, ticket: string, caller: Identity): Promise<never> => {
    const [row] = await db.query<{ caseId: number }>(sql.report_by_ticket, [channel, ticket])
    const [held] = row ? await db.query<{ summary: CaseSummary }>(sql.case_summary, [row.caseId]) : []
    const existing = held && reachesCase(caller.reach, held.summary) ? held.summary : undefined
    throw conflict('ticket_taken', `ticket ${ticket} of ${channel} is filed already${existing ? ` as case ${existing.code}` : ''}: merge into it or open it`,
      existing ? { existing } : undefined)
  }

  const reportsOf = (id: number) => db.query<CaseReportInfo>(sql.case_reports_of, [id])

  return {
    /**
     * A report as `POST /api/v1/cases` and outside systems file it, once per idempotency key (`filing.idempotencyKey`);
     * 409 `ticket_taken` when the channel's ticket is filed already.
     */
    async report(input: ReportInput, caller: Identity, filing: Filing = {}): Promise<Filed> {
      const key = filing.idempotencyKey ?? undefined
      try {
        return await once(caller, key, async () => ({ ...(await cases.file(input, caller, filing)), merged: false }))
      } catch (err) {
        if (filing.ticket && violates(err, 'case_reports_channel_ticket_key')) return ticketTaken(input.source, filing.ticket, caller)
        throw err
      }
    },

    /**
     * A seat's report: a new case at its point, or with `mergeInto` another report of that open case. The
     * caller becomes the report's applicant. 409 `ticket_taken` when the channel's ticket is filed already.
     */
    async intake(input: IntakeInput, caller: Identity, key?: string): Promise<IntakeResult & { repeated: boolean }> {
      const filing: Filing = { ticket: input.ticket ?? null, address: input.address, idempotencyKey: key ?? null }
      let filed: Filed
      try {
        filed = await once(caller, key, async () => {
          if (input.mergeInto !== undefined) {
            await inScope(input.mergeInto, caller)
            return { ...(await cases.merge(input.mergeInto, { ...filing, channel: input.channel, caller: input.caller }, caller)), merged: true }
          }
          const report: ReportInput = {
            category: input.category, kind: input.kind, source: input.channel, location: input.location, description: input.description,
            parties: [{ role: 'applicant', name: input.caller.name, ...(input.caller.phone ? { phone: input.caller.phone } : {}) }],
          }
          return { ...(await cases.file(report, caller, filing)), merged: false }
        })
      } catch (err) {
        if (input.ticket && violates(err, 'case_reports_channel_ticket_key')) return ticketTaken(input.channel, input.ticket, caller)
        throw err
      }
      const report = (await reportsOf(filed.summary.id)).find((r) => r.id === filed.reportId)!
      return { case: filed.summary, report, merged: filed.merged, repeated: filed.repeated }
    },

    /** Cases the report being typed may repeat, within the caller's scope; a phone only counts for who may see parties' phones. */
    async similar(q: SimilarQuery, caller: Identity): Promise<SimilarCase[]> {
      const since = new Date(clock.now().getTime() - SIMILAR_DAYS * 86_400_000)
      const phone = q.phone !== undefined && may(caller.role, 'match_callers') ? q.phone : null
      const rows = await db.query<{ summary: CaseSummary; why: SimilarCase['why']; metres: number | null }>(sql.similar_cases, [
        q.kind ?? null, q.lon ?? null, q.lat ?? null, since, SIMILAR_METRES, q.channel ?? null, q.ticket ?? null, phone, 20,
      ])
      const found = rows.filter((r) => reachesCase(caller.reach, r.summary)).slice(0, 10)
      if (phone) await logPartyReads(found.filter((r) => r.why.includes('caller')).map((r) => r.summary.id), caller)
      return found.map((r) => ({ case: r.summary, why: r.why, metres: r.metres === null ? null : Number(r.metres) }))
    },

    /** A case's reports with the answers owed to each; 404 outside the scope. */
    async reports(id: number, caller: Identity): Promise<CaseReports> {
      await inScope(id, caller)
      return { caseId: id, reports: await reportsOf(id) }
    },

    /** Places of the gazetteer matching what was typed, best first. */
    places(q: string, limit: number): Promise<Place[]> {
      return placesFor(q, limit)
    },

    /**
     * The search box: a case number, a ticket, places, and a phone for roles that may see parties (each case so
     * found is logged as a read of its parties). Cases outside the caller's scope are not found.
     */
    async search(q: string, caller: Identity): Promise<SearchResult> {
      const text = q.trim()
      const looksLikeCase = CASE_CODE.test(text) || /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/.test(text)
      const byPhone = PHONE.test(text) && may(caller.role, 'read_parties')
      const rows = looksLikeCase || byPhone
        ? await db.query<{ summary: CaseSummary; matched: SearchResult['cases'][number]['matched'] }>(sql.search_cases, [text, byPhone])
        : []
      const found = rows.filter((r) => reachesCase(caller.reach, r.summary))
      await logPartyReads(found.filter((r) => r.matched === 'phone').map((r) => r.summary.id), caller)
      const places = CASE_CODE.test(text) ? [] : await placesFor(text, 8)
      return { cases: found.map((r) => ({ case: r.summary, matched: r.matched })), places }
    },
  }

  async function placesFor(q: string, limit: number): Promise<Place[]> {
    const rows = await db.query<Omit<Place, 'location'> & { lon: number; lat: number }>(sql.places_search, [q, limit])
    return rows.map(({ lon, lat, ...p }) => ({ ...p, score: Number(p.score), location: [lon, lat] }))
  }

  /** Finding a case by a person's phone reads its parties: logged as the parties route logs a read. */
  async function logPartyReads(caseIds: readonly number[], caller: Identity): Promise<void> {
    const now = clock.now()
    for (const id of caseIds) await db.query(sql.log_party_access, [id, caller.login, now])
  }
}
export type IntakeCommands = ReturnType<typeof intakeCommands>
