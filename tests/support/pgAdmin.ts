import { randomBytes } from 'node:crypto'

/** The server tests run against: TEST_DATABASE_URL names any database on it the tests may connect to. */
export function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL
  if (!url) throw new Error('TEST_DATABASE_URL is not set')
  return url
}

export function databaseUrl(name: string): string {
  const url = new URL(adminUrl())
  url.pathname = `/${name}`
  return url.toString()
}

/** A database name no other run uses: tests make their own and drop them. */
export const uniqueName = (what: string) => `gridgov_test_${what}_${process.pid}_${randomBytes(4).toString('hex')}`
