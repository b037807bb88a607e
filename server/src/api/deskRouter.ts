import { Router } from 'express'
import { DeskFiguresQuery, type DeskNumbers, InboxQuery } from '../../../contract/desk'
import { codePrefix, coversArea, parentCode } from '../../../domain/access'
import type { Clock } from '../clock'
import type { CaseCommands } from '../commands/cases'
import { gridByCode, regionByCode } from '../db/cityQueries'
import type { Db } from '../db/Db'
import { deskFigures } from '../db/deskQueries'
import { allow, outsideScope } from './auth'
import { parseOr400 } from './errors'

/** An area's name, for the figures' heading. */
async function areaName(db: Db, code: string): Promise<string | null> {
  const found = code.length === 15 ? await gridByCode(db, code) : await regionByCode(db, code)
  return found?.name ?? null
}

/**
 * The desks: `GET /inbox`, the cases waiting for the caller's level or department; `GET /figures`, how an
 * area in the caller's scope (its own by default) or the caller's department works the loop, beside its parent.
 */
export function deskRouter(db: Db, cases: CaseCommands, clock: Clock): Router {
  const router = Router()

  router.get('/inbox', allow('read'), async (req, res) => {
    const q = parseOr400(InboxQuery, req.query, 'query')
    res.json({ cases: await cases.inbox(req.caller!, q.limit), at: clock.now().toISOString() })
  })

  router.get('/figures', allow('read'), async (req, res) => {
    const q = parseOr400(DeskFiguresQuery, req.query, 'query')
    const caller = req.caller!
    const to = clock.now()
    const from = new Date(to.getTime() - q.days * 86_400_000)
    if (caller.reach.department !== null) {
      const d = caller.reach.department
      const own = await deskFigures(db, { prefix: null, department: d }, d, from, to)
      const parent = await deskFigures(db, { prefix: null, department: '*' }, '全部职能部门', from, to)
      return res.json({ own, parent, days: q.days } satisfies DeskNumbers)
    }
    const home = 'region' in caller.scope ? caller.scope.region : null
    const area = q.area ?? home!
    if (!coversArea(caller.reach, area)) throw outsideScope(caller, area)
    const own = await deskFigures(db, { prefix: codePrefix(area), department: null }, (await areaName(db, area)) ?? area, from, to)
    // Beside the parent the store holds: the store's root (the demo's city, a province seed's province) has none.
    const up = parentCode(area)
    const upName = up ? await areaName(db, up) : null
    const parent = up && upName ? await deskFigures(db, { prefix: codePrefix(up), department: null }, upName, from, to) : null
    res.json({ own, parent, days: q.days } satisfies DeskNumbers)
  })

  return router
}
