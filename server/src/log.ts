import { pino } from 'pino'

export type Logger = pino.Logger

/** JSON lines to stdout; `LOG_LEVEL=silent` in tests. */
export const createLogger = (level = process.env.LOG_LEVEL ?? 'info'): Logger => pino({ level, base: undefined })
