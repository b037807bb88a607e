/** The command centre keeps Beijing time, whatever the screen's machine is set to. */
const TIME_ZONE = 'Asia/Shanghai'

const time = new Intl.DateTimeFormat('zh-CN', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false })
const date = new Intl.DateTimeFormat('zh-CN', { timeZone: TIME_ZONE, year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' })
const dateAndTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TIME_ZONE, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
})
const whole = new Intl.NumberFormat('zh-CN')

/** `14:03:09`, Beijing time. */
export const clockTime = (ms: number) => time.format(ms)
/** `2026年11月25日星期三`, Beijing time. */
export const clockDate = (ms: number) => date.format(ms)
/** `2026/11/25 14:03:09`, Beijing time, of an ISO instant. */
export const dateTime = (iso: string) => dateAndTime.format(new Date(iso))
/** `7,444`. */
export const count = (n: number) => whole.format(n)
/** `93.0%`, or `—` when there is nothing to divide. */
export const percent = (ratio: number | null) => (ratio === null ? '—' : `${(ratio * 100).toFixed(1)}%`)
/** `350 m²`, or `1.25 公顷` from 10,000 m² up. */
export const area = (m2: number) => (m2 >= 10_000 ? `${(m2 / 10_000).toFixed(2)} 公顷` : `${m2.toFixed(0)} m²`)
