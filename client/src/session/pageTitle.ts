/** The screens' names by address; the report and a case's file name themselves once read. */
const SCREENS: readonly [RegExp, string][] = [
  [/^\/signin\/?$/, '登录'], [/^\/(wall\/?)?$/, '指挥大屏'], [/^\/drill(\/.*)?$/, '值班研判'], [/^\/desk\/?$/, '工作台'],
  [/^\/intake\/?$/, '受理席'], [/^\/ranking\/?$/, '考核排名'], [/^\/editor\/?$/, '网格编辑'], [/^\/admin\/?$/, '账号管理'],
]

/**
 * The tab's title: the screen, then the area (or department) it answers for once someone is signed in
 * (`指挥大屏 · 安达市`, `工作台 · 新兴街道`), so a desk with several screens open tells them apart. Null for a
 * screen that titles itself.
 */
export function pageTitle(pathname: string, areaName?: string): string | null {
  const screen = SCREENS.find(([path]) => path.test(pathname))?.[1]
  return screen ? `${screen} · ${areaName ?? '社会治理指挥中心'}` : null
}
