import { describe, expect, it } from 'vitest'
import { pageTitle } from '../../client/src/session/pageTitle'

describe('the tab title', () => {
  it('says the screen, then the area once someone is signed in', () => {
    expect(pageTitle('/wall')).toBe('指挥大屏 · 社会治理指挥中心')
    expect(pageTitle('/', '安达市')).toBe('指挥大屏 · 安达市')
    expect(pageTitle('/drill/township/231281001000', '新兴街道')).toBe('值班研判 · 新兴街道')
    expect(pageTitle('/desk', '新兴街道司法所')).toBe('工作台 · 新兴街道司法所')
  })

  it('leaves the report and a case file to title themselves', () => {
    expect(pageTitle('/report')).toBeNull()
    expect(pageTitle('/print/case/12')).toBeNull()
  })
})
