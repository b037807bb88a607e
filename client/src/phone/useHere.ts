import { useCallback, useEffect, useState } from 'react'

/** Where the phone is, by its own positioning (GPS needs no signal): `accuracy` in metres. */
export type Here =
  | { kind: 'locating' }
  | { kind: 'located'; at: [number, number]; accuracy: number }
  | { kind: 'failed'; why: string }

const WHY: Record<number, string> = { 1: '未允许使用位置', 2: '暂时无法定位', 3: '定位超时' }

/** The phone's position, asked for when the page opens and again on `locate()`. */
export function useHere(): { here: Here; locate: () => void } {
  const [here, setHere] = useState<Here>({ kind: 'locating' })
  const locate = useCallback(() => {
    if (!('geolocation' in navigator)) return setHere({ kind: 'failed', why: '此设备不支持定位' })
    setHere({ kind: 'locating' })
    navigator.geolocation.getCurrentPosition(
      (p) => setHere({ kind: 'located', at: [p.coords.longitude, p.coords.latitude], accuracy: p.coords.accuracy }),
      (e) => setHere({ kind: 'failed', why: WHY[e.code] ?? '暂时无法定位' }),
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    )
  }, [])
  useEffect(locate, [locate])
  return { here, locate }
}
