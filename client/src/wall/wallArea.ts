import type { Me, Room } from '../../../contract'
import { casesOnlyLevel, codeLevel, coversArea, homeRooms, reachOf } from '../../../domain/access'

/**
 * The area a wall's address asks for, if it lies in the account's scope and is not the scope's own; null: the
 * scope's own area (the server refuses an area outside the scope, and the wall shows what it may instead).
 */
export function askedArea(area: string | null, me: Me): string | null {
  if (area === null || !('region' in me.scope) || area === me.scope.region) return null
  return coversArea(reachOf(me.scope, me.whole), area) ? area : null
}

/**
 * What a wall follows live: an area asked for, or a province or prefecture, in its own room (`province:<code>`…)
 * from its own snapshot (`area`), both that area's and only its cases above the county; otherwise the scope's
 * home room from the scope's snapshot (`area` null).
 */
export function wallFollows(me: Me, asked: string | null): { rooms: Room[]; area: string | null } {
  const code = asked ?? ('region' in me.scope ? me.scope.region : null)
  if (code !== null && code.length === 12 && (asked !== null || casesOnlyLevel(codeLevel(code)))) return { rooms: [`${codeLevel(code)}:${code}` as Room], area: code }
  return { rooms: homeRooms(me.scope, me.whole), area: null }
}
