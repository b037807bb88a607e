import type { Room, Scope } from '../../../contract'
import { codeLevel, coversArea, homeRooms, reachOf } from '../../../domain/access'
import type { DrillTarget } from './drillRoute'

/**
 * What a desk may drill into, from its account's scope (the domain's rule, which the server applies too):
 * - `cityWide`: a scope of the city or above sees the whole city, and starts from it (no area chosen);
 * - `home`: where a narrower scope starts, and what stands for "the whole city" there: a township's or a
 *   grid's own area; null for a community's officer (pick one of its grids) or a department's (no area);
 * - `reaches(t)`: whether an area lies inside the scope;
 * - `homeRoom`: the live room of the whole scope (the city's for a city-wide one), for when no area of it is
 *   on screen: its open cases are what the first screen lists.
 */
export type DeskScope = { cityWide: boolean; home: DrillTarget; reaches: (t: NonNullable<DrillTarget>) => boolean; homeRoom: Room | null }

export function deskScope(scope: Scope): DeskScope {
  const reach = reachOf(scope)
  const cityWide = reach.prefix !== null && reach.prefix.length <= 6
  const region = 'region' in scope ? scope.region : null
  const level = region ? codeLevel(region) : null
  const home: DrillTarget = region && level === 'township' ? { level: 'township', code: region } : region && level === 'grid' ? { level: 'grid', code: region } : null
  return { cityWide, home, reaches: (t) => coversArea(reach, t.code), homeRoom: homeRooms(scope)[0] ?? null }
}

/** The area to show for one asked for (by a link, a click, the back button): itself inside the scope, else the scope's home. */
export const withinScope = (s: DeskScope, t: DrillTarget): DrillTarget => (t === null ? (s.cityWide ? null : s.home) : s.reaches(t) ? t : s.home)

/** The live room a drill-down watches: the area on screen, or the scope's own when none of it is. */
export const roomOf = (s: DeskScope, t: DrillTarget): Room | null => (t ? `${t.level}:${t.code}` : s.homeRoom)
