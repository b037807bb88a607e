import type { CaseSummary } from '../../../contract'

const HOUR = 3_600_000

/** "剩余 5 小时", "超期 2 天 3 小时", "已结案": how a case stands against its time limit at `now`. */
export function timeLeft(c: Pick<CaseSummary, 'state' | 'dueAt'>, now: number): { text: string; overdue: boolean } {
  if (c.state === 'closed' || c.dueAt === null) return { text: '已结案', overdue: false }
  const ms = Date.parse(c.dueAt) - now
  const span = (x: number) => {
    const hours = Math.floor(x / HOUR)
    if (hours < 1) return `${Math.max(1, Math.floor(x / 60_000))} 分钟`
    return hours < 24 ? `${hours} 小时` : `${Math.floor(hours / 24)} 天 ${hours % 24} 小时`
  }
  return ms >= 0 ? { text: `剩余 ${span(ms)}`, overdue: false } : { text: `超期 ${span(-ms)}`, overdue: true }
}
