import { type CaseDetail, type CaseSummary, labels, type StepRequest } from '../../../contract'
import { levelAbove } from '../../../domain/timeLimits'
import { dateTime } from '../ui/format'
import { timeLeft } from './timeLeft'

/** What an action of the pane names: a step of the loop, or escalating or assigning beside it. */
export type Acted = StepRequest['step'] | 'escalate' | 'assign'

const yesNo = (b: boolean | undefined, yes: string, no: string) => (b ? yes : no)

/**
 * The summary a person confirms before a step that cannot be taken back: where the case goes, or the outcome
 * recorded, in the words of the screen. `gridName` names a dispatch's grid.
 */
export function confirmText(body: StepRequest, c: Pick<CaseDetail, 'level' | 'sender' | 'actingFor' | 'departments'>, gridName = ''): string {
  const note = body.note?.trim() ? `；说明：${body.note.trim()}` : ''
  switch (body.step) {
    case 'close':
      return `结案：${yesNo(body.resolved, '已化解', '未化解')}，群众满意度「${labels.satisfaction[body.satisfaction!]}」${note}。结案后不能再办理，只能回访。`
    case 'send_back': {
      const why = labels.sendBackReason[body.reason!]
      if (c.actingFor) {
        const lead = c.departments.find((d) => d.name === c.actingFor)?.lead
        return lead
          ? `以${c.actingFor}退回：整个派单退回${labels.caseLevel[c.level]}重新派单（原因：${why}${note}）。`
          : `以${c.actingFor}退回：本部门不再配合办理（原因：${why}${note}）。`
      }
      return `退回给${c.sender ? labels.caseLevel[c.sender] : '上一环节'}，由其重新处理（原因：${why}${note}）。`
    }
    case 'route':
      return `吹哨派单：牵头部门「${body.lead}」${body.assisting?.length ? `，配合部门「${body.assisting.join('、')}」` : ''}${note}。各部门须在时限内报到。`
    case 'dispatch':
      return `派单至网格「${gridName || body.grid}」（${body.grid}），由其签收办理${note}。`
    case 'report_up': {
      const above = levelAbove(c.level)
      return `上报至${above ? labels.caseLevel[above] : '上级'}，由其签收办理${note}。`
    }
    case 'check':
      return body.accepted ? `审核通过部门的办理结果，案件转入答复、结案${note}。` : `审核不通过，退回部门继续办理${note}。`
    default:
      return `${labels.caseStep[body.step]}${note}。`
  }
}

/** `2026/12/5 14:00:00（剩余 4 小时）`: a case's new time limit as the screen says it. */
function due(c: Pick<CaseSummary, 'state' | 'dueAt'>, now: number): string {
  return c.dueAt ? `${dateTime(c.dueAt)}（${timeLeft(c, now).text}）` : '无'
}

/**
 * What happened, from the case as the server returned it after the action: where it went and its new time
 * limit, e.g. `已上报至村(社区)，签收时限 2026/12/5 14:00:00（剩余 4 小时）`. `department`: the one the reader
 * acted for, when a department's step.
 */
export function actedText(acted: Acted, c: CaseSummary, department: string | null, now: number): string {
  const level = labels.caseLevel[c.level]
  switch (acted) {
    case 'sign_for':
      return department ? `${department}已报到，案件时限 ${due(c, now)}` : `已签收，办理时限 ${due(c, now)}`
    case 'verify':
      return `已核实，办理时限 ${due(c, now)}`
    case 'handle':
      return `已记录处置，办理时限 ${due(c, now)}`
    case 'report_up':
      return `已上报至${level}，签收时限 ${due(c, now)}`
    case 'dispatch':
      return `已派单至网格 ${c.gridCode}，签收时限 ${due(c, now)}`
    case 'route': {
      const [lead, ...assisting] = c.departments
      return `已吹哨派单：牵头 ${lead?.name ?? c.department}${assisting.length ? `，配合 ${assisting.map((d) => d.name).join('、')}` : ''}；报到时限 ${due(c, now)}`
    }
    case 'send_back':
      // A lead's send-back returns the whole routing to the level; an assisting department's only ends its own part.
      if (department) return c.state === 'returned' ? `已退回${level}重新派单，时限 ${due(c, now)}` : `${department}已退出配合，案件时限 ${due(c, now)}`
      return `已退回${level}，由其重新处理，时限 ${due(c, now)}`
    case 'feed_back':
      return department ? `已反馈办理结果，待${level}审核，审核时限 ${due(c, now)}` : `已反馈结果，待答复、结案，时限 ${due(c, now)}`
    case 'check':
      return c.state === 'checked' ? `审核通过，待答复、结案，时限 ${due(c, now)}` : `审核不通过，已退回部门重办，办理时限 ${due(c, now)}`
    case 'answer':
      return '已记录答复群众'
    case 'close':
      return `已结案：${c.resolved ? '已化解' : '未化解'}，群众满意度「${c.satisfaction ? labels.satisfaction[c.satisfaction] : '—'}」`
    case 'follow_up':
      return c.state === 'reopened'
        ? `回访不满意：案件已重新办理，回到${level}，签收时限 ${due(c, now)}`
        : `已记录回访：${c.satisfaction ? labels.satisfaction[c.satisfaction] : '—'}`
    case 'supervise':
      return '已督办'
    case 'escalate':
      return `已上移督办至${level}，签收时限 ${due(c, now)}`
    case 'assign':
      return `已指派给 ${c.assignee}`
    case 'collect':
      return '已收集'
  }
}

/**
 * What the case pane shows, and a screen reader hears, when someone else changed the open case: its new state, or
 * the step taken where the state stayed (an assignment, a mediation's), e.g. "案件 SJ20261124-0007 已被他人更新：已核实".
 */
export function changedText(before: Pick<CaseDetail, 'state'>, after: Pick<CaseDetail, 'code' | 'state' | 'history'>): string {
  const step = after.history.at(-1)
  const what = before.state !== after.state || !step ? labels.caseState[after.state] : labels.caseStep[step.step]
  return `案件 ${after.code} 已被他人更新：${what}`
}
