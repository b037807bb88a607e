import type { ReactNode } from 'react'
import { type CaseDetail, labels } from '../../../contract'
import { kindLabel } from '../cases/kindLabel'
import { dateTime } from '../ui/format'
import { CaseMediationTable } from './CaseMediationTable'
import { CaseSteps } from './CaseSteps'
import type { CaseFileData } from './useCaseFile'

/** A case sent down to be handled is 交办; one moved up for running over its time, or by a duty leader's hand, is 督办. */
export const caseFileTitle = (c: Pick<CaseDetail, 'escalations'>) => (c.escalations > 0 ? '督办单' : '交办单')

function Fact({ name, children, wide = false }: { name: string; children: ReactNode; wide?: boolean }) {
  return (
    <>
      <th scope="row">{name}</th>
      <td className="text" colSpan={wide ? 3 : 1}>{children}</td>
    </>
  )
}

const withCode = (name: string | null | undefined, code: string) => (name ? `${name}（${code}）` : code)

/**
 * One case on one A4 page (交办单 or 督办单): its facts, where it is, its clocks and departments, its steps and its
 * mediations. The description and the steps' notes appear only when the server gives them to the reader;
 * the parties never do.
 */
export function CaseFileDocument({ data, printedAt }: { data: CaseFileData; printedAt: number }) {
  const { detail: c, place, mediations } = data
  const overdue = c.closedAt === null && c.dueAt !== null && Date.parse(c.dueAt) < printedAt
  const title = caseFileTitle(c)
  return (
    <article className="paper case-file" data-testid="case-file" data-ready="true" data-case-id={c.id} aria-labelledby="case-file-title">
      <section className="sheet">
        <header className="doc-head">
          <h1 id="case-file-title" data-testid="case-file-title">{title}</h1>
          <p className="period">编号 {c.code}</p>
          <p className="meta">打印时间 {dateTime(new Date(printedAt).toISOString())}</p>
        </header>
        <h2>事项</h2>
        <table className="facts" data-testid="case-facts">
          <tbody>
            <tr><Fact name="事项类别">{labels.caseCategory[c.category]} · {kindLabel(c)}</Fact><Fact name="来源渠道">{labels.caseSource[c.source]}</Fact></tr>
            <tr><Fact name="乡镇(街道)">{withCode(place?.township, c.townshipCode)}</Fact><Fact name="村(社区)">{withCode(place?.community, c.communityCode)}</Fact></tr>
            <tr><Fact name="网格" wide>{withCode(place?.grid, c.gridCode)}</Fact></tr>
            <tr><Fact name="上报时间">{dateTime(c.reportedAt)}</Fact><Fact name="办理时限">{c.dueAt ? dateTime(c.dueAt) : '—'}{overdue && <b className="late">已超期</b>}</Fact></tr>
            <tr><Fact name="当前层级">{labels.caseLevel[c.level]}</Fact><Fact name="当前状态">{labels.caseState[c.state]}{c.signedAt === null && c.closedAt === null ? '（待签收）' : ''}</Fact></tr>
            <tr><Fact name="督办次数">{c.escalations}</Fact><Fact name="退回 / 重办">{c.sendBacks} 次 / {c.reopened} 次</Fact></tr>
            <tr>
              <Fact name="承办部门" wide>
                {c.departments.length === 0 ? '—' : c.departments.map((d) => (
                  <span key={d.name} className="department">
                    {d.lead ? '牵头' : '配合'} {d.name}（{d.signedAt ? `${dateTime(d.signedAt)} 报到` : `未报到，报到时限 ${dateTime(d.signDueAt)}`}）
                  </span>
                ))}
              </Fact>
            </tr>
            {c.assignee && <tr><Fact name="指派岗位" wide>{c.assignee}</Fact></tr>}
            {c.closedAt && (
              <tr>
                <Fact name="结案时间">{dateTime(c.closedAt)}</Fact>
                <Fact name="办理结果">
                  {c.resolved === null ? '—' : c.resolved ? '已化解' : '未化解'}{c.satisfaction && ` · 群众${labels.satisfaction[c.satisfaction]}`}
                </Fact>
              </tr>
            )}
            {c.description !== null && <tr><Fact name="事项描述" wide>{c.description || '—'}</Fact></tr>}
          </tbody>
        </table>
        <h2>办理过程</h2>
        <CaseSteps history={c.history} />
        {mediations && 'failed' in mediations && <p className="note">调解记录读取失败：{mediations.failed}</p>}
        {mediations && 'mediations' in mediations && mediations.mediations.length > 0 && (
          <>
            <h2>调解情况</h2>
            <CaseMediationTable mediations={mediations.mediations} />
          </>
        )}
        <div className="signatures keep">
          <p>承办单位（签收）：</p>
          <p>签收人：</p>
          <p>签收时间：　　年　　月　　日</p>
        </div>
      </section>
    </article>
  )
}
