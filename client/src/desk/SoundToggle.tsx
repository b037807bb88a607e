/** Turns the arrival chime on or off; `chimes` (how many played) is on the button for tests and the curious. */
export function SoundToggle({ on, toggle, chimes }: { on: boolean; toggle: () => void; chimes: number }) {
  return (
    <button type="button" className={`sound-toggle ${on ? 'on' : 'off'}`} aria-pressed={on} onClick={toggle} data-testid="sound-toggle" data-chimes={chimes}
      title={on ? '新案件到达时响铃；点击关闭' : '新案件到达时不响铃；点击开启'}>
      提示音：{on ? '开' : '关'}
    </button>
  )
}
