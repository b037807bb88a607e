import type { Me, Room } from '../../../contract'
import { citywide, codeLevel, coversArea, homeRooms, reachOf } from '../../../domain/access'
import type { DrillTarget } from './drillRoute'

/**
 * What a desk may drill into, from its account's scope (the domain's rule, which the server applies too):
 * - `cityWide`: a scope of the whole store sees all of it, and starts from it (no area chosen);
 * - `home`: where a narrower scope starts, and what stands for "the whole city" there: a township's or a
 *   grid's own area; null for a county's, prefecture's or community's (its first screen, then one of its areas)
 *   or a department's (no area);
 * - `area`: the scope's own area as the drill-down opens it, when it lies above the township (a county, prefecture
 *   or province: the whole store's for a centre's account); null for a smaller one or a department's;
 * - `reaches(t)`: whether an area lies inside the scope;
 * - `homeRoom`: the live room of the whole scope (the city's for a city-wide one), for when no area of it is
 *   on screen: its open cases are what the first screen lists.
 */
export type DeskScope = {
  cityWide: boolean; home: DrillTarget; area: DrillTarget; reaches: (t: NonNullable<DrillTarget>) => boolean; homeRoom: Room | null
}

export function deskScope({ scope, whole }: Pick<Me, 'scope' | 'whole'>): DeskScope {
  const reach = reachOf(scope, whole)
  const cityWide = citywide(reach)
  const region = 'region' in scope ? scope.region : null
  const level = region ? codeLevel(region) : null
  const home: DrillTarget = region && level === 'township' ? { level: 'township', code: region } : region && level === 'grid' ? { level: 'grid', code: region } : null
  const area: DrillTarget = region && (level === 'province' || level === 'prefecture' || level === 'county') ? { level, code: region } : null
  return { cityWide, home, area, reaches: (t) => coversArea(reach, t.code), homeRoom: homeRooms(scope, whole)[0] ?? null }
}

/** The area to show for one asked for (by a link, a click, the back button): itself inside the scope, else the scope's home. */
export const withinScope = (s: DeskScope, t: DrillTarget): DrillTarget => (t === null ? (s.cityWide ? null : s.home) : s.reaches(t) ? t : s.home)

/** The live room a drill-down watches: the area on screen, or the scope's own when none of it is. */
export const roomOf = (s: DeskScope, t: DrillTarget): Room | null => (t ? `${t.level}:${t.code}` : s.homeRoom)
