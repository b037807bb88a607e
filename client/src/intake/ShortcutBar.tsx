/** The seat's keys, always in sight. */
export function ShortcutBar() {
  return (
    <footer className="shortcut-bar" aria-label="快捷键">
      <span><kbd>Tab</kbd> 下一项</span>
      <span><kbd>Enter</kbd> 立案</span>
      <span><kbd>↑</kbd><kbd>↓</kbd> 选地点</span>
      <span><kbd>Alt+1…9</kbd> 并入疑似案件</span>
      <span><kbd>Esc</kbd> 取消并案</span>
      <span><kbd>Alt+N</kbd> 新来电</span>
      <span><kbd>Ctrl+K</kbd> 查询</span>
    </footer>
  )
}
