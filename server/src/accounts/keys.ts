import { createHash, randomBytes } from 'node:crypto'

/** An API key: `gk_` and 256 random bits in base64url; only its SHA-256 is stored. */
export const newKey = (): string => `gk_${randomBytes(32).toString('base64url')}`

export const hashKey = (key: string): string => createHash('sha256').update(key).digest('hex')

/** What lists show of a key, enough to tell keys apart and useless to sign in with. */
export const keyPrefix = (key: string): string => key.slice(0, 9)
