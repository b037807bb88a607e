import { randomBytes } from 'node:crypto'
import { parseArgs } from 'node:util'
import { type NewAccount, NewAccount as NewAccountSchema, Role, type Scope } from '../../contract/auth'
import { issuesOf } from '../../contract/api'
import { accountCommands } from './accounts/accounts'
import { systemClock } from './clock'
import { readConfig } from './config'
import { ServiceError } from './commands/serviceErrors'
import { migrate } from './db/migrate'
import { openDb } from './db/openDb'
import { createLogger } from './log'

const USAGE = `npm run accounts -- <command>
  list
  add <login> --role <${Role.options.join('|')}> (--region <code> | --department <name>) --name <display name> [--password <p>]
  disable <login>            ends its sessions and sockets at once
  enable <login>
  reset-password <login> [--password <p>]    ends its sessions; prints a generated password when none is given
  issue-key <login> --label <label>          prints the key, this once
  revoke-key <login> <key id>
With the embedded store (no DATABASE_URL) stop the server first: one process at a time opens it. With a
PostGIS server, run it beside the server: what it changes takes effect within a second.`

/** Administration from a shell: the admin screen's acts, for a fresh install's first admin and for scripts. */
async function run(argv: string[]): Promise<string> {
  const { positionals, values } = parseArgs({
    args: argv, allowPositionals: true,
    options: { role: { type: 'string' }, region: { type: 'string' }, department: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' }, label: { type: 'string' } },
  })
  const [command, login, extra] = positionals
  if (!command) return USAGE
  const config = readConfig()
  const db = await openDb(config, createLogger('warn'))
  try {
    await migrate(db)
    const accounts = accountCommands({ db, clock: systemClock })
    const need = (value: string | undefined, what: string): string => {
      if (!value) throw new Error(`${command} needs ${what}\n\n${USAGE}`)
      return value
    }
    switch (command) {
      case 'list': {
        const all = await accounts.list()
        if (all.length === 0) return 'no accounts yet'
        return all.map((a) =>
          `${a.enabled ? ' ' : '✗'} ${a.login.padEnd(16)} ${a.role.padEnd(18)} ${'region' in a.scope ? a.scope.region : a.scope.department}  ${a.displayName}` +
          a.keys.filter((k) => !k.revokedAt).map((k) => `\n    key ${k.id} ${k.prefix}… ${k.label}`).join('')).join('\n')
      }
      case 'add': {
        const scope: Scope | undefined = values.region ? { region: values.region } : values.department ? { department: values.department as Extract<Scope, { department: string }>['department'] } : undefined
        const parsed = NewAccountSchema.safeParse({ login, displayName: values.name, role: values.role, scope, ...(values.password ? { password: values.password } : {}) })
        if (!parsed.success) throw new Error(issuesOf(parsed.error).map((i) => `${i.field}: ${i.reason}`).join('\n'))
        const account = await accounts.add(parsed.data as NewAccount)
        return `added ${account.login} (${account.role})`
      }
      case 'disable':
      case 'enable':
        await accounts.update(need(login, 'a login'), { enabled: command === 'enable' })
        return `${login} ${command}d`
      case 'reset-password': {
        const password = values.password ?? randomBytes(12).toString('base64url')
        await accounts.resetPassword(need(login, 'a login'), password)
        return values.password ? `${login}: password set` : `${login}: new password ${password}`
      }
      case 'issue-key': {
        const key = await accounts.issueKey(need(login, 'a login'), need(values.label, '--label'))
        return `key ${key.id} for ${login} (shown this once):\n${key.key}`
      }
      case 'revoke-key':
        await accounts.revokeKey(need(login, 'a login'), Number(need(extra, 'a key id')))
        return `key ${extra} of ${login} revoked`
      default:
        throw new Error(`unknown command ${command}\n\n${USAGE}`)
    }
  } finally {
    await db.close()
  }
}

run(process.argv.slice(2)).then(
  (out) => process.stdout.write(`${out}\n`),
  (err: unknown) => {
    process.stderr.write(`${err instanceof ServiceError || err instanceof Error ? err.message : String(err)}\n`)
    process.exit(1)
  },
)
