/** The command centre keeps Beijing time, whatever the wall's machine is set to. */
const TIME_ZONE = 'Asia/Shanghai'

const time = new Intl.DateTimeFormat('zh-CN', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false })
const date = new Intl.DateTimeFormat('zh-CN', { timeZone: TIME_ZONE, year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' })

/** `14:03:09`, Beijing time. */
export const clockTime = (ms: number) => time.format(ms)
/** `2026年11月25日星期三`, Beijing time. */
export const clockDate = (ms: number) => date.format(ms)
