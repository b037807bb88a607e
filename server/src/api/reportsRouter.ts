import { Router } from 'express'
import { FiguresQuery } from '../../../contract'
import { beijingDate, periodOf } from '../../../domain/periods'
import type { Clock } from '../clock'
import type { Db } from '../db/Db'
import { unitBelow } from '../../../domain/access'
import { figures } from '../commands/figures'
import { figuresWorkbook } from '../reports/figuresWorkbook'
import { reportAsciiName, reportFileName } from '../reports/reportName'
import { allow } from './auth'
import { parseOr400 } from './errors'
import { figureArea, rankings } from './figuresRouter'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** RFC 5987's percent-encoding: encodeURIComponent leaves ' ( ) * as they are, which `filename*` may not hold. */
const rfc5987 = (s: string) => encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

/**
 * `GET /figures.xlsx?area=&period=&at=&from=&to=`: the figures of `GET /figures` and the ranking of the
 * units one level down, as a workbook to edit and file (月报, 季报, …). Exporting is its own act, and the
 * area is held to the caller's scope as for the figures.
 */
export function reportsRouter(db: Db, clock: Clock): Router {
  return Router().get('/figures.xlsx', allow('export'), async (req, res) => {
    const q = parseOr400(FiguresQuery, req.query, 'query')
    const area = await figureArea(db, req.caller!, q.area)
    const now = clock.now()
    const read = await db.transaction((tx) => figures(tx, area, periodOf(q, beijingDate(now)), now))
    const unit = unitBelow(area.level)
    const ranked = unit ? await rankings(db, area, { ...q, unit }, now) : null
    const file = await figuresWorkbook(read, ranked).xlsx.writeBuffer()
    const named = { area, period: read.period.current }
    res.type(XLSX)
      .set('Content-Disposition', `attachment; filename="${reportAsciiName(named)}"; filename*=UTF-8''${rfc5987(reportFileName(named))}`)
      .send(Buffer.from(file))
  })
}
