import { useCallback, useRef, useState } from 'react'
import { chime } from './chime'

/** Where the desk's choice is kept, per browser: a person who turned the sound off is not chimed at after a reload. */
const KEY = 'gridgov.desk.sound'

const stored = (): boolean => {
  try {
    return window.localStorage.getItem(KEY) !== 'off'
  } catch {
    return true
  }
}

/**
 * The arrival sound, on unless turned off (remembered in localStorage): `play` chimes when it is on;
 * `chimes` counts the chimes played since the screen opened.
 */
export function useArrivalSound(): { on: boolean; toggle: () => void; play: () => void; chimes: number } {
  const [on, setOn] = useState(stored)
  const [chimes, setChimes] = useState(0)
  const isOn = useRef(on)
  isOn.current = on
  const toggle = useCallback(() => {
    const next = !isOn.current
    try {
      window.localStorage.setItem(KEY, next ? 'on' : 'off')
    } catch {
      // Storage refused (a private window's quota): the choice holds until the page is left.
    }
    setOn(next)
  }, [])
  const play = useCallback(() => {
    if (isOn.current && chime()) setChimes((n) => n + 1)
  }, [])
  return { on, toggle, play, chimes }
}
