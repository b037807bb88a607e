import type { ChangeEvent } from 'react'
import { beijingDate } from '../../../domain/periods'
import { monthShown, type PeriodChoice, PRESETS, type RankingView } from './rankingRoute'

/** 本月, 上月, 本季度, 本年 at a click, or any month before through the month field. */
export function PeriodPicker({ view, onChoose }: { view: RankingView; onChoose: (p: PeriodChoice) => void }) {
  const now = new Date()
  const thisMonth = beijingDate(now).slice(0, 7)
  const pick = (e: ChangeEvent<HTMLInputElement>) => {
    const month = e.target.value
    if (/^\d{4}-\d{2}$/.test(month) && month <= thisMonth) onChoose({ month })
  }
  return (
    <div className="period-picker" role="group" aria-label="考核期间">
      {PRESETS.map(([preset, name]) => (
        <button key={preset} type="button" aria-pressed={'preset' in view.period && view.period.preset === preset}
          onClick={() => onChoose({ preset })} data-testid={`period-${preset}`}>{name}</button>
      ))}
      <label>
        月份
        <input type="month" value={monthShown(view, now) ?? ''} min="2000-01" max={thisMonth} onChange={pick} data-testid="period-month" />
      </label>
    </div>
  )
}
