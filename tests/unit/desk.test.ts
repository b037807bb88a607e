import { describe, expect, it } from 'vitest'
import type { CaseSummary, DepartmentInfo, GridProps } from '../../contract'
import { reachOf } from '../../domain/access'
import { dispatchChoices, routeChoices } from '../../client/src/cases/caseChoices'
import { reports, signState } from '../../client/src/cases/signState'
import { checkStep, EMPTY_DRAFT } from '../../client/src/cases/stepDraft'
import { actedText, confirmText } from '../../client/src/cases/stepTexts'

const TOWNSHIP = '231281001000'
const summary = (over: Partial<CaseSummary> = {}): CaseSummary => ({
  id: 7, code: 'AD-2026-000007', category: 'dispute', kind: 'neighbour', source: 'grid_worker', location: [125.3, 46.4],
  gridCode: '231281001001001', communityCode: '231281001001', townshipCode: TOWNSHIP, level: 'community', state: 'reported_up',
  reportedAt: '2026-11-24T00:00:00Z', dueAt: '2026-11-24T04:00:00Z', escalations: 0, closedAt: null, resolved: null, satisfaction: null,
  version: 3, assignee: null, department: null, signedAt: null, departments: [], sender: 'grid', sendBacks: 0, reopened: 0, followedUpAt: null, acknowledgedAt: null,
  ...over,
})

describe('a step form’s check, by the contract’s own schema', () => {
  it('assumes no outcome: closing with nothing chosen asks for the outcome and the satisfaction, in words', () => {
    const checked = checkStep('close', EMPTY_DRAFT)
    expect(checked).toEqual({ ok: false, issues: { resolved: '请选择是否化解', satisfaction: '请选择群众满意度' } })
    expect(checkStep('close', { ...EMPTY_DRAFT, resolved: false, satisfaction: 'not_visited' }))
      .toEqual({ ok: true, body: { step: 'close', note: '', resolved: false, satisfaction: 'not_visited' } })
  })

  it('asks each step for what it needs, and sends only that', () => {
    expect(checkStep('route', { ...EMPTY_DRAFT, grid: '231281001001002' })).toEqual({ ok: false, issues: { lead: '请选择牵头部门' } })
    expect(checkStep('route', { ...EMPTY_DRAFT, lead: '新兴街道司法所', assisting: ['新兴街道派出所'], grid: '231281001001002' }))
      .toEqual({ ok: true, body: { step: 'route', note: '', lead: '新兴街道司法所', assisting: ['新兴街道派出所'] } })
    expect(checkStep('dispatch', EMPTY_DRAFT)).toMatchObject({ ok: false, issues: { grid: '请选择派往的网格' } })
    expect(checkStep('check', EMPTY_DRAFT)).toMatchObject({ ok: false, issues: { accepted: '请选择审核结论' } })
    expect(checkStep('check', { ...EMPTY_DRAFT, accepted: false })).toMatchObject({ ok: true, body: { accepted: false } })
    expect(checkStep('sign_for', { ...EMPTY_DRAFT, satisfaction: 'satisfied' })).toEqual({ ok: true, body: { step: 'sign_for', note: '' } })
  })

  it('holds to the contract’s rules between fields: a send-back for another reason says why, an answer says what was said', () => {
    expect(checkStep('send_back', EMPTY_DRAFT)).toEqual({ ok: false, issues: { reason: '请选择退回原因' } })
    expect(checkStep('send_back', { ...EMPTY_DRAFT, reason: 'other' })).toEqual({ ok: false, issues: { note: '退回原因为“其他”时，请写明理由' } })
    expect(checkStep('send_back', { ...EMPTY_DRAFT, reason: 'wrong_grid' })).toMatchObject({ ok: true })
    expect(checkStep('answer', { ...EMPTY_DRAFT, channel: 'phone', note: '  ' })).toEqual({ ok: false, issues: { note: '请写明答复群众的内容' } })
    expect(checkStep('follow_up', { ...EMPTY_DRAFT, satisfaction: 'not_visited' })).toEqual({ ok: false, issues: { satisfaction: '回访须记录群众的评价' } })
  })
})

describe('what a person confirms, and what they are told after', () => {
  it('summarises an irreversible step before it is sent', () => {
    const c = { level: 'community', sender: 'grid', actingFor: null, departments: [] } satisfies Parameters<typeof confirmText>[1]
    expect(confirmText({ step: 'close', resolved: true, satisfaction: 'basically_satisfied', note: '调解成功' }, c))
      .toBe('结案：已化解，群众满意度「基本满意」；说明：调解成功。结案后不能再办理，只能回访。')
    expect(confirmText({ step: 'report_up' }, c)).toBe('上报至乡镇(街道)，由其签收办理。')
    expect(confirmText({ step: 'send_back', reason: 'wrong_grid' }, c)).toBe('退回给网格，由其重新处理（原因：不属本网格）。')
    expect(confirmText({ step: 'dispatch', grid: '231281001001002' }, c, '新兴一网格')).toBe('派单至网格「新兴一网格」（231281001001002），由其签收办理。')
  })

  it('says where the case went and its new time limit, from the case the server returned', () => {
    const now = Date.parse('2026-11-24T00:00:00Z')
    expect(actedText('report_up', summary(), null, now)).toBe('已上报至村(社区)，签收时限 2026/11/24 12:00:00（剩余 4 小时）')
    const routed = summary({
      level: 'township', state: 'routed',
      departments: [{ name: '新兴街道司法所', lead: true, signDueAt: '2026-11-25T00:00:00Z', signedAt: null }, { name: '新兴街道派出所', lead: false, signDueAt: '2026-11-25T00:00:00Z', signedAt: null }],
      dueAt: '2026-11-25T00:00:00Z',
    })
    expect(actedText('route', routed, null, now)).toBe('已吹哨派单：牵头 新兴街道司法所，配合 新兴街道派出所；报到时限 2026/11/25 08:00:00（剩余 1 天 0 小时）')
    expect(actedText('sign_for', routed, '新兴街道司法所', now)).toMatch(/^新兴街道司法所已报到，案件时限 /)
    expect(actedText('close', summary({ state: 'closed', resolved: false, satisfaction: 'not_visited', dueAt: null }), null, now)).toBe('已结案：未化解，群众满意度「未回访」')
    expect(actedText('follow_up', summary({ state: 'reopened' }), null, now)).toMatch(/^回访不满意：案件已重新办理，回到村\(社区\)，签收时限 /)
  })
})

describe('sign-for as a desk reads it', () => {
  it('is the level’s 签收, or a department’s own 报到 on a case routed to it', () => {
    const routed = summary({ signedAt: '2026-11-23T00:00:00Z', departments: [{ name: '新兴街道司法所', lead: true, signDueAt: '2026-11-23T08:00:00Z', signedAt: null }] })
    expect(signState(summary(), null)).toEqual({ signed: false, text: '待签收' })
    expect(signState(routed, null)).toEqual({ signed: true, text: '已签收' })
    expect(signState(routed, '新兴街道司法所')).toEqual({ signed: false, text: '待报到' })
    expect(signState(summary({ state: 'closed' }), null)).toBeNull()
    expect(reports(routed, Date.parse('2026-11-24T00:00:00Z'))).toEqual([{ name: '新兴街道司法所', lead: true, signed: false, late: true }])
  })
})

describe('the choices a form offers, by the domain’s rules', () => {
  const d = (name: string, level: 'township' | 'city', townshipCode: string | null, enabled = true): DepartmentInfo => ({ name, level, townshipCode, enabled })
  const departments = [d('安达市应急管理局', 'city', null), d('新兴街道司法所', 'township', TOWNSHIP), d('安达镇司法所', 'township', '231281100000'), d('安达市民政局', 'city', null, false)]

  it('routes a township’s case to its own offices and the city’s bureaus; the city to any enabled one; nobody below', () => {
    expect(routeChoices(departments, { level: 'township', townshipCode: TOWNSHIP }).map((x) => x.name)).toEqual(['新兴街道司法所', '安达市应急管理局'])
    expect(routeChoices(departments, { level: 'city', townshipCode: TOWNSHIP }).map((x) => x.name)).toEqual(['安达镇司法所', '新兴街道司法所', '安达市应急管理局'])
    expect(routeChoices(departments, { level: 'community', townshipCode: TOWNSHIP })).toEqual([])
  })

  it('dispatches to the grids of the holding level’s area inside the scope, the case’s own first', () => {
    const g = (code: string): GridProps => ({
      code, name: code, kind: 'urban', version: 1, communityCode: code.slice(0, 12), townshipCode: `${code.slice(0, 9)}000`, households: 1,
      leaders: 1, fulltimeWorkers: 0, parttimeWorkers: 0, validFrom: '2026-01-01',
    })
    const grids = ['231281001001001', '231281001001002', '231281001002001', '231281100001001'].map(g)
    const c = summary({ gridCode: '231281001001002' })
    expect(dispatchChoices(grids, c, reachOf({ region: '231281001001' }, false)).map((x) => x.code)).toEqual(['231281001001002', '231281001001001'])
    expect(dispatchChoices(grids, { ...c, level: 'township' }, reachOf({ region: TOWNSHIP }, false)).map((x) => x.code)).toEqual(['231281001001002', '231281001001001', '231281001002001'])
  })
})
