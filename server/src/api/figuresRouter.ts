import { Router } from 'express'
import { FiguresQuery, RankingsQuery, type Rankings } from '../../../contract'
import { beijingDate, periodOf, previousOf } from '../../../domain/periods'
import { placesOf, scoreOf } from '../../../domain/ranking'
import type { Clock } from '../clock'
import type { Db } from '../db/Db'
import { asFigureRead, type FigureArea, figures, unitMeasures } from '../commands/figures'
import { logPosition } from '../db/logPosition'
import { sqlFiles } from '../db/sqlFiles'
import { areaAsked, areaByCode } from './areaAsked'
import { allow, type Caller } from './auth'
import { parseOr400 } from './errors'

const sql = sqlFiles(['city_region'])

/** The area a caller reads figures for, named: the store's top region as code null, as every figure query takes it. */
export async function figureArea(db: Db, caller: Caller, asked: string | undefined): Promise<FigureArea> {
  const code = areaAsked(caller, asked)
  const area = code ? await areaByCode(db, code) : null
  if (area && !area.root) return area
  const [top] = await db.query<{ code: string; name: string; level: FigureArea['level'] }>(sql.city_region)
  return { code: null, name: top?.name ?? '', level: top?.level ?? 'county' }
}

/** The rankings of a unit in an area for a period, with each unit's place in the period before. */
export async function rankings(db: Db, area: FigureArea, q: RankingsQuery, now: Date): Promise<Rankings> {
  const period = periodOf(q, beijingDate(now))
  return db.transaction(async (tx) => {
    await asFigureRead(tx)
    const { newest } = await logPosition(tx)
    const scored = async (p: typeof period) =>
      placesOf((await unitMeasures(tx, p, now, area, q.unit)).map((r) => ({ ...r, score: scoreOf(r.measures, q.unit) })))
    const [current, before] = [await scored(period), await scored(previousOf(period))]
    const placeBefore = new Map(before.map((r) => [r.code, r.place]))
    return {
      seq: newest, unit: q.unit, area: { code: area.code, name: area.name }, period,
      rows: current.map((r) => ({ ...r, previousPlace: placeBefore.get(r.code) ?? null })),
    }
  })
}

/**
 * `GET /figures?area=&period=&at=&from=&to=`: an area's figures for a period with 同比 and 环比;
 * `GET /rankings?unit=&…`: its townships, communities, grids or departments ranked for assessment (考核).
 */
export function figuresRouter(db: Db, clock: Clock): Router {
  return Router()
    .get('/figures', allow('read'), async (req, res) => {
      const q = parseOr400(FiguresQuery, req.query, 'query')
      const area = await figureArea(db, req.caller!, q.area)
      const now = clock.now()
      res.json(await db.transaction((tx) => figures(tx, area, periodOf(q, beijingDate(now)), now)))
    })
    .get('/rankings', allow('read'), async (req, res) => {
      const q = parseOr400(RankingsQuery, req.query, 'query')
      res.json(await rankings(db, await figureArea(db, req.caller!, q.area), q, clock.now()))
    })
}
