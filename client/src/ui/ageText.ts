const MINUTE = 60_000

/** How long before `now` (ms epoch) `iso` was, as an alarm's age is said: "刚刚", "12 分钟前", "3 小时 5 分钟前", "2 天 3 小时前". */
export function ageText(iso: string, now: number): string {
  const minutes = Math.floor((now - Date.parse(iso)) / MINUTE)
  if (minutes < 1) return '刚刚'
  if (minutes < 60) return `${minutes} 分钟前`
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return minutes % 60 ? `${hours} 小时 ${minutes % 60} 分钟前` : `${hours} 小时前`
  return hours % 24 ? `${Math.floor(hours / 24)} 天 ${hours % 24} 小时前` : `${Math.floor(hours / 24)} 天前`
}
