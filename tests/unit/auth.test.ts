import { describe, expect, it } from 'vitest'
import { codeLevel, codePrefix, coversArea, coversStore, homeRooms, reachOf, reachesCase, roomWithin, scopeFits, seesFreeText } from '../../domain/access'
import { afterFailure, lockedUntil } from '../../domain/signInLock'

const township = reachOf({ region: '231281001000' }, false)
const city = reachOf({ region: '231281000000' }, true)
const department = reachOf({ department: '司法所' }, false)

describe('scope by division code', () => {
  it('knows each level by its significant digits, above the city too', () => {
    expect(['230000000000', '231200000000', '231281000000', '231281001000', '231281001001', '231281001001001'].map(codeLevel))
      .toEqual(['province', 'prefecture', 'county', 'township', 'community', 'grid'])
    expect(codePrefix('231281001000')).toBe('231281001')
    expect(codePrefix('230000000000')).toBe('23')
  })

  it('lets a township officer reach its own communities and grids, never a neighbour or the city', () => {
    expect(coversArea(township, '231281001002')).toBe(true)
    expect(coversArea(township, '231281001002003')).toBe(true)
    expect(coversArea(township, '231281002000')).toBe(false)
    expect(coversArea(township, '231281000000')).toBe(false)
    expect(reachesCase(township, { gridCode: '231281002001001', department: null })).toBe(false)
    expect(reachesCase(city, { gridCode: '231281002001001', department: null })).toBe(true)
  })

  it("reaches a department's cases by the department they were routed to, not by place", () => {
    expect(reachesCase(department, { gridCode: '231281001001001', department: '司法所' })).toBe(true)
    expect(reachesCase(department, { gridCode: '231281001001001', department: '派出所' })).toBe(false)
    expect(reachesCase(department, { gridCode: '231281001001001', department: null })).toBe(false)
  })

  it('lets a client into the rooms of its scope only', () => {
    expect(roomWithin(township, 'township:231281001000')).toBe(true)
    expect(roomWithin(township, 'grid:231281001003002')).toBe(true)
    expect(roomWithin(township, 'city')).toBe(false)
    expect(roomWithin(township, 'township:231281002000')).toBe(false)
    expect(roomWithin(city, 'city')).toBe(true)
    expect(roomWithin(department, 'department:司法所')).toBe(true)
    expect(roomWithin(department, 'department:派出所')).toBe(false)
    expect(roomWithin(department, 'grid:231281001001001')).toBe(false)
    expect(homeRooms({ region: '231281001000' }, false)).toEqual(['township:231281001000'])
    expect(homeRooms({ region: '231281000000' }, true)).toEqual(['city'])
    // A county inside a province store watches its county, not the whole store.
    expect(homeRooms({ region: '520102000000' }, false)).toEqual(['county:520102000000'])
  })

  it("sees the whole store only from a scope over the store's top region", () => {
    expect(coversStore({ region: '231281000000' }, '231281000000')).toBe(true)
    expect(coversStore({ region: '230000000000' }, '231281000000')).toBe(true)
    expect(coversStore({ region: '520102000000' }, '520000000000')).toBe(false)
    expect(coversStore({ region: '231281001000' }, '231281000000')).toBe(false)
    expect(coversStore({ department: '司法所' }, '231281000000')).toBe(false)
    expect(coversStore({ region: '231281000000' }, null)).toBe(false)
  })

  it('holds each role to the scope it works in', () => {
    expect(scopeFits('grid_worker', { region: '231281001001001' })).toBeNull()
    expect(scopeFits('grid_worker', { region: '231281001001' })).toMatch(/grid/)
    expect(scopeFits('township_officer', { region: '231281001001' })).toMatch(/township/)
    expect(scopeFits('department_officer', { region: '231281000000' })).toMatch(/department/)
    expect(scopeFits('duty_leader', { department: '司法所' })).toMatch(/region/)
  })

  it('shows free text to those who handle cases, not to the wall, the seats, analysts or admins', () => {
    expect(seesFreeText('grid_worker')).toBe(true)
    expect(seesFreeText('duty_leader')).toBe(true)
    for (const role of ['wall_display', 'operator', 'analyst', 'admin'] as const) expect(seesFreeText(role)).toBe(false)
  })
})

describe('failed sign-ins lock a login name', () => {
  const policy = { lockAfter: 3, windowMinutes: 15, lockMinutes: 10 }
  const at = (minutes: number) => new Date(Date.UTC(2026, 11, 5, 8, minutes))

  it('locks after the limit within the window, and the lock ends when its time is up', () => {
    let count = afterFailure(null, at(0), policy)
    count = afterFailure(count, at(1), policy)
    expect(lockedUntil(count, at(1))).toBeNull()
    count = afterFailure(count, at(2), policy)
    expect(lockedUntil(count, at(2))).toEqual(at(12))
    expect(lockedUntil(count, at(12))).toBeNull()
  })

  it('starts counting again once the window has passed', () => {
    const old = afterFailure(afterFailure(null, at(0), policy), at(1), policy)
    expect(afterFailure(old, at(30), policy)).toEqual({ failures: 1, firstAt: at(30), lockedUntil: null })
  })
})
