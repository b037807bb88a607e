import readXlsxFile, { type Row, type Sheet } from 'read-excel-file/node'
import { beforeAll, describe, expect, it } from 'vitest'
import { CaseSource, Figures, labels, type Measures, type MediationMeasures, Rankings } from '../../contract'
import { manualClock } from '../../server/src/clock'
import { SEEDED_AT } from '../support/seededCity'
import { as, call } from '../support/serve'
import { servedCity } from '../support/servedCity'

/**
 * The monthly report as a clerk downloads it, read back with read-excel-file (a reader that shares no code with
 * the writer, ExcelJS): every figure in it is checked against what the API gives for the same period.
 */
const clock = manualClock(new Date(new Date(SEEDED_AT).getTime() + 3_600_000))
const city = servedCity({ clock })
const NOVEMBER = 'period=month&at=2026-11-15'
const TOWNSHIP = '231281001000'

type Download = { status: number; type: string | null; disposition: string | null; sheets: Sheet[]; json: unknown }

async function download(query: string, who: Record<string, string> = as.dutyLeader): Promise<Download> {
  const res = await fetch(`${city.server.url}/api/v1/reports/figures.xlsx?${query}`, { headers: who })
  const bytes = Buffer.from(await res.arrayBuffer())
  const ok = res.status === 200
  return {
    status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'),
    sheets: ok ? await readXlsxFile(bytes) : [], json: ok ? null : JSON.parse(bytes.toString('utf8')),
  }
}

const read = async <T>(path: string, parse: { parse(x: unknown): T }, who = as.dutyLeader): Promise<T> => {
  const { status, body } = await call(`${city.server.url}/api/v1${path}`, 'GET', undefined, who)
  expect(status, JSON.stringify(body)).toBe(200)
  return parse.parse(body)
}

const sheet = (d: Download, name: string): Row[] => {
  const found = d.sheets.find((s) => s.sheet === name)
  expect(found, `sheet ${name}`).toBeDefined()
  return found!.data
}

/** The rows of the table whose header row begins with `first`, as header → cell, down to the first empty row. */
function table(rows: Row[], first: string): Record<string, unknown>[] {
  const at = rows.findIndex((r) => r[0] === first)
  expect(at, `a table headed ${first}`).toBeGreaterThanOrEqual(0)
  // A sheet's rows are as wide as its widest table: a narrower table's header ends in empty cells.
  const header = rows[at]!.map((h, i) => [h, i] as const).filter(([h]) => h !== null)
  const body: Record<string, unknown>[] = []
  for (const row of rows.slice(at + 1)) {
    if (row.every((c) => c === null || c === '')) break
    body.push(Object.fromEntries(header.map(([h, i]) => [String(h), row[i] ?? null])))
  }
  return body
}

/** Rows by the text in one column: the API gives its split rows in no set order. */
const byKey = (rows: Record<string, unknown>[], key: string) => rows.toSorted((a, b) => String(a[key]).localeCompare(String(b[key])))

/** The cells a row of measures should hold, by their Chinese headers. */
const measureCells = (m: Measures) => Object.fromEntries((Object.keys(labels.measure) as (keyof Measures)[]).map((k) => [labels.measure[k], m[k]]))
const mediationCells = (m: MediationMeasures) =>
  Object.fromEntries((Object.keys(labels.mediationMeasure) as (keyof MediationMeasures)[]).map((k) => [labels.mediationMeasure[k], m[k]]))

let figures: Figures
let rankings: Rankings
let report: Download
beforeAll(async () => {
  figures = await read(`/figures?${NOVEMBER}`, Figures)
  rankings = await read(`/rankings?${NOVEMBER}&unit=township`, Rankings)
  report = await download(NOVEMBER)
})

describe('GET /api/v1/reports/figures.xlsx', () => {
  it('is an XLSX attachment named for the city and the month, in UTF-8 with an ASCII fallback', () => {
    expect(report.status, JSON.stringify(report.json)).toBe(200)
    expect(report.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(report.disposition).toBe(
      `attachment; filename="report-city-2026-11-01-month.xlsx"; filename*=UTF-8''${encodeURIComponent('安达市-2026年11月-综治月报.xlsx')}`)
    expect(report.sheets.map((s) => s.sheet)).toEqual(['概览', '分乡镇', '分渠道', '分类别', '分部门', '调解', '排名'])
  })

  it('leads with the month’s figures, 同比 and 环比 as the API gives them, rates as numbers and changes worked out', () => {
    const rows = sheet(report, '概览')
    expect(rows[0]![0]).toBe('安达市2026年11月综治工作月报')
    const overview = table(rows, '指标')
    const line = (label: string) => {
      const found = overview.find((r) => r['指标'] === label)
      expect(found, label).toBeDefined()
      return Object.values(found!)
    }
    const { current, lastYear, previous } = figures.totals
    expect(current.received).toBeGreaterThan(0)
    expect(current.closedRate).not.toBeNull()
    for (const key of ['received', 'closed', 'closedRate', 'resolvedRate', 'onTimeRate', 'satisfaction', 'ranOver', 'sendBacks'] as const) {
      const [, now, yearAgo, yearChange, before, change] = line(labels.measure[key])
      expect([now, yearAgo, before], key).toEqual([current[key], lastYear[key], previous[key]])
      if (current[key] !== null && previous[key] !== null) expect(change as number, key).toBeCloseTo(current[key]! - previous[key]!, 9)
      if (current[key] !== null && lastYear[key] !== null) expect(yearChange as number, key).toBeCloseTo(current[key]! - lastYear[key]!, 9)
    }
    const m = figures.mediation
    for (const key of ['referred', 'mediatedRate', 'agreements', 'amountYuan'] as const) {
      const [, now, yearAgo, , before] = line(labels.mediationMeasure[key])
      expect([now, yearAgo, before], key).toEqual([m.current[key], m.lastYear[key], m.previous[key]])
    }
    expect(m.current.referred).toBeGreaterThan(0)
    expect(line('当前超期未办结(时点数)')[1]).toBe(figures.overdueNow)
    const notes = rows.flat().filter((c): c is string => typeof c === 'string')
    expect(notes.some((n) => n.includes('README') && n.includes('The figures'))).toBe(true)
    expect(notes.some((n) => n.includes(`日志序号 ${figures.seq}`) && n.includes('2026-11-23 11:00'))).toBe(true)
  })

  it('has a row per township equal to the API’s, and the townships ranked in the API’s order', () => {
    const byArea = table(sheet(report, '分乡镇'), '区划代码')
    expect(figures.byArea.length).toBeGreaterThan(1)
    expect(byArea).toEqual(figures.byArea.map((a) => ({ 区划代码: a.code, 名称: a.name, ...measureCells(a.measures) })))

    const ranked = table(sheet(report, '排名'), '名次')
    expect(rankings.rows.some((r) => r.place !== null)).toBe(true)
    expect(ranked).toEqual(rankings.rows.map((r) => ({
      名次: r.place, 名称: r.name, 区划代码: r.code, 考核得分: r.score, ...measureCells(r.measures), 上期名次: r.previousPlace,
    })))
  })

  it('splits by channel, kind, department and mediation in Chinese, as the API does, channels in their usual order', () => {
    const channels = table(sheet(report, '分渠道'), '受理渠道')
    expect(byKey(channels, '受理渠道')).toEqual(
      byKey(figures.byChannel.map((c) => ({ 受理渠道: labels.caseSource[c.channel], ...measureCells(c.measures) })), '受理渠道'))
    expect(channels.map((c) => c['受理渠道'])).toEqual(
      CaseSource.options.filter((c) => figures.byChannel.some((r) => r.channel === c)).map((c) => labels.caseSource[c]))
    const kinds = table(sheet(report, '分类别'), '大类')
    expect(kinds).toHaveLength(figures.byKind.length)
    for (const k of figures.byKind) {
      const name = (k.category === 'dispute' ? labels.disputeKind : labels.hazardKind)[k.kind as never]
      expect(kinds.find((r) => r['类别'] === name), name).toEqual({ 大类: labels.caseCategory[k.category], 类别: name, ...measureCells(k.measures) })
    }
    expect(byKey(table(sheet(report, '分部门'), '部门'), '部门')).toEqual(
      byKey(figures.byDepartment.map((d) => ({ 部门: d.department, ...measureCells(d.measures) })), '部门'))
    const mediation = sheet(report, '调解')
    expect(byKey(table(mediation, '调解组织'), '调解组织')).toEqual(byKey(figures.mediationByBody.map((b) => ({
      调解组织: b.name, 组织类型: labels.mediationBodyKind[b.kind], ...mediationCells(b.measures),
    })), '调解组织'))
    expect(byKey(table(mediation, '调解类型'), '调解类型')).toEqual(
      byKey(figures.mediationByKind.map((k) => ({ 调解类型: labels.mediationKind[k.kind], ...mediationCells(k.measures) })), '调解类型'))
  })

  it('holds no phone number, ID number or party’s name anywhere', async () => {
    // A fraction's digits are no number of a person's; a whole number is read as its digits.
    const cells = report.sheets.flatMap((s) => s.data.flat())
      .filter((c) => c !== null && !(typeof c === 'number' && !Number.isInteger(c))).map(String)
    expect(cells.length).toBeGreaterThan(500)
    const parties = await city.db.query<{ name: string; phone: string | null; idNumber: string | null }>(
      'SELECT DISTINCT name, phone, id_number AS "idNumber" FROM case_parties')
    expect(parties.length).toBeGreaterThan(0)
    for (const cell of cells) {
      expect(cell).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/)
      expect(cell).not.toMatch(/(?<!\d)\d{17}[\dXx](?!\d)/)
    }
    const names = new Set(parties.map((p) => p.name))
    expect(cells.filter((c) => names.has(c))).toEqual([])
  })

  it('gives a quarter as a 季报', async () => {
    const q = await download('period=quarter&at=2026-11-15')
    expect(q.status).toBe(200)
    expect(q.disposition).toContain(`filename*=UTF-8''${encodeURIComponent('安达市-2026年第四季度-综治季报.xlsx')}`)
    expect(sheet(q, '概览')[0]![0]).toBe('安达市2026年第四季度综治工作季报')
    const quarter = await read('/figures?period=quarter&at=2026-11-15', Figures)
    const received = table(sheet(q, '概览'), '指标').find((r) => r['指标'] === labels.measure.received)!
    expect(Object.values(received).slice(1, 3)).toEqual([quarter.totals.current.received, quarter.totals.lastYear.received])
  })

  it('gives a township officer their own township, split by community, and refuses another township', async () => {
    const own = await download(NOVEMBER, as.townshipOfficer)
    expect(own.status).toBe(200)
    const theirs = await read(`/figures?${NOVEMBER}`, Figures, as.townshipOfficer)
    expect(theirs.area.code).toBe(TOWNSHIP)
    expect(own.sheets.map((s) => s.sheet)).toContain('分社区')
    expect(sheet(own, '概览')[0]![0]).toBe(`${theirs.area.name}2026年11月综治工作月报`)
    expect(table(sheet(own, '分社区'), '区划代码').map((r) => r['区划代码'])).toEqual(theirs.byArea.map((a) => a.code))
    expect(own.disposition).toContain(`filename="report-${TOWNSHIP}-2026-11-01-month.xlsx"`)

    const other = figures.byArea.find((a) => a.code !== TOWNSHIP)!.code
    const refused = await download(`${NOVEMBER}&area=${other}`, as.townshipOfficer)
    expect(refused.status).toBe(403)
    expect(refused.json).toMatchObject({ code: 'out_of_scope' })
  })

  it('is refused to a role that may not export, to nobody signed in, and for a bad period', async () => {
    const wall = await download(NOVEMBER, as.wall)
    expect(wall.status).toBe(403)
    expect(wall.json).toMatchObject({ code: 'forbidden' })
    expect((await download(NOVEMBER, {})).status).toBe(401)
    const bad = await download('period=fortnight')
    expect(bad.status).toBe(400)
    expect(bad.json).toMatchObject({ code: 'invalid_query', issues: [{ field: 'period' }] })
  })
})
