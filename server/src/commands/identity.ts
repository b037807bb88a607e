import type { Role } from '../../../contract/auth'

/** Who asks a command to act: a role, and for a grid worker the grid they work. */
export type Identity = { role: Role; grid?: string }
