import { z } from 'zod'

/**
 * Who is calling. An operator watches and reads nothing personal; a grid worker reports and handles at
 * the grid; a duty leader may take any step and open a case's parties; an analyst edits grids; the
 * simulator acts as grid workers, higher levels and devices, never reading parties.
 */
export const Role = z.enum(['operator', 'grid_worker', 'duty_leader', 'analyst', 'simulator'])
export type Role = z.infer<typeof Role>

/** `GET /api/v1/me`: who the bearer token stands for, so a screen offers what that role may do. */
export const Me = z.object({ role: Role, grid: z.string().optional() })
export type Me = z.infer<typeof Me>
