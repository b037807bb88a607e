import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import * as contract from '../../contract'
import { ApiError } from '../../client/src/api/fetchJson'
import { errorText, FAILED, fieldLabel, issueText, reasonText } from '../../client/src/ui/errorText'

const ROOT = resolve(import.meta.dirname, '../..')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return /\.tsx?$/.test(name) ? [path] : []
  })
}

/** The server's source, without its store (whose rows have codes of their own, not error codes). */
const server = sources(join(ROOT, 'server/src'))
  .filter((f) => !relative(ROOT, f).startsWith('server/src/db/'))
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n')
const fetchJsonSource = readFileSync(join(ROOT, 'client/src/api/fetchJson.ts'), 'utf8')

const all = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1]!)

/**
 * Every error code a response can carry, read from the source so that a new code without a label fails here:
 * thrown HttpErrors, the commands' conflicts and refusals, bodies written outright, the body parser's table,
 * the `invalid_${what}` of a bad request, and the client's own codes for no answer and an answer not in our shape.
 */
function errorCodes(): string[] {
  const codes = [
    ...all(server, /new HttpError\(\s*\d+,\s*'([a-z_]+)'/g),
    ...all(server, /new ServiceError\(\s*'[a-z_]+',\s*'([a-z_]+)'/g),
    ...all(server, /\b(?:conflict|refused|refusedBy)\(\s*'([a-z_]+)'/g),
    ...all(server, /\bcode: (?:[^,'}]*\?\? )?'([a-z_]+)'/g),
    ...all(all(server, /const CODES: Record<number, string> = \{([^}]*)\}/g).join(), /'([a-z_]+)'/g),
    ...all(fetchJsonSource, /new ApiError\(\s*[^,]+,\s*'([a-z_]+)'/g),
  ]
  // `invalid_${what}`, `what` one of the union its function declares.
  const prefix = /`([a-z_]+)\$\{what\}`/.exec(server)?.[1]
  const union = /what: ((?:'[a-z]+'(?: \| )?)+)/.exec(server)?.[1]
  if (prefix && union) codes.push(...all(union, /'([a-z]+)'/g).map((w) => `${prefix}${w}`))
  return [...new Set(codes)].sort()
}

/** Each field path a schema names (`parties.name`, `caller.phone`), list positions left out, as the labels key them. */
function fieldsOf(t: z.core.$ZodType, at: readonly string[] = []): string[] {
  const def = t._zod.def as unknown as Record<string, unknown> & { type: string }
  const inner = (x: unknown) => fieldsOf(x as z.core.$ZodType, at)
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape as Record<string, z.core.$ZodType>).flatMap(([k, v]) => [[...at, k].join('.'), ...fieldsOf(v, [...at, k])])
    case 'array': return inner(def.element)
    case 'tuple': return [...(def.items as unknown[]), ...(def.rest ? [def.rest] : [])].flatMap(inner)
    case 'union': return (def.options as unknown[]).flatMap(inner)
    case 'intersection': return [...inner(def.left), ...inner(def.right)]
    case 'pipe': return [...inner(def.in), ...inner(def.out)]
    case 'record': return inner(def.valueType)
    case 'lazy': return inner((def.getter as () => unknown)())
    case 'optional': case 'nullable': case 'default': case 'prefault': case 'readonly': case 'catch': case 'nonoptional':
      return inner(def.innerType)
    default: return []
  }
}

const isSchema = (x: unknown): x is z.ZodType => typeof x === 'object' && x !== null && '_zod' in x && 'safeParse' in x

/** The request schemas the server parses (`parseOr400(Name, …)`): the contract's, or a route's own one-line path schema. */
function requests(): { name: string; fields: string[]; schema: z.ZodType | null }[] {
  return [...new Set(all(server, /parseOr400\((\w+)/g))].sort().map((name) => {
    const exported = (contract as Record<string, unknown>)[name]
    if (isSchema(exported)) return { name, fields: [...new Set(fieldsOf(exported))], schema: exported }
    const local = new RegExp(`const ${name} = z\\.strictObject\\(\\{([^}]*)\\}`).exec(server)
    if (!local) throw new Error(`${name} is parsed by the server but is neither the contract's nor a one-line strictObject: walk it here`)
    return { name, fields: all(local[1]!, /(\w+):/g), schema: null }
  })
}

/** Fields the server names itself when a rule only the store knows refuses a value (`field: 'bodyId'`, `field: IDEMPOTENCY_HEADER`). */
const namedByServer = () => [
  ...all(server, /\bfield: '([^']+)'/g),
  ...all(server, /\bfield: ([A-Z][A-Z_]+)\b/g).map((name) => String((contract as Record<string, unknown>)[name])),
]

/** Words a person reads: Chinese, with no Latin letters (no English, no code, no id). */
const CHINESE = /[\u4e00-\u9fff]/
const readable = (s: string) => CHINESE.test(s) && !/[A-Za-z]/.test(s)

describe('error codes in Chinese', () => {
  const codes = errorCodes()

  it('reads the codes from the source (the walk itself finds the codes it must)', () => {
    expect(codes).toEqual(expect.arrayContaining([
      'stale_case', 'check_failed', 'edit_refused', 'invalid_body', 'invalid_query', 'invalid_path', 'bad_request', 'store_unavailable',
      'unsupported_media_type', 'unreachable', 'http_error', 'ticket_taken', 'mediation_open',
    ]))
  })

  it.each(codes)('%s has a sentence a person reads, shown for it', (code) => {
    const text = (contract.labels.errorCode as Record<string, string>)[code]
    expect(text, `labels.errorCode has no ${code}`).toBeDefined()
    expect(readable(text!)).toBe(true)
    expect(errorText(new ApiError(409, code, `case 42 is closed (${code})`))).toBe(text)
  })
})

describe('request fields in Chinese', () => {
  const parsed = requests()

  it('walks the request schemas the server parses', () => {
    expect(parsed.map((r) => r.name)).toEqual(expect.arrayContaining(['CaseReport', 'StepRequest', 'EscalateRequest', 'IntakeReport', 'FiguresQuery']))
    expect(parsed.find((r) => r.name === 'CaseReport')?.fields).toEqual(expect.arrayContaining(['location', 'parties.name']))
  })

  it.each(parsed.map((r) => [r.name, r] as const))('every field of %s has a label', (name, r) => {
    const missing = r.fields.filter((f) => fieldLabel(f, name) === null)
    expect(missing, `labels.fieldLabel lacks ${missing.join(', ')}`).toEqual([])
    for (const f of r.fields) expect(readable(fieldLabel(f, name)!), f).toBe(true)
  })

  it('every field the server names on its own has a label', () => {
    const fields = namedByServer()
    expect(fields).toEqual(expect.arrayContaining(['bodyId', 'idempotency-key', '(body)']))
    expect(fields.filter((f) => fieldLabel(f) === null)).toEqual([])
  })

  it('every label is Chinese', () => {
    for (const [k, v] of Object.entries({ ...contract.labels.errorCode, ...contract.labels.fieldLabel })) expect(readable(v), k).toBe(true)
  })

  // What the contract itself says of an empty body and of one whose every field is of the wrong kind or too long.
  it.each(parsed.filter((r) => r.schema).map((r) => [r.name, r.schema!] as const))('what %s refuses reads in Chinese, by label', (name, schema) => {
    const long = 'x'.repeat(5000)
    const wrong = Object.fromEntries(parsed.find((r) => r.name === name)!.fields.filter((f) => !f.includes('.')).map((f) => [f, long]))
    for (const input of [{}, wrong, { ...wrong, ...Object.fromEntries(Object.keys(wrong).map((f) => [f, -1])) }, [{}], 'text']) {
      const result = schema.safeParse(input)
      if (result.success) continue
      for (const issue of contract.issuesOf(result.error)) {
        const text = issueText(issue, name)
        expect(readable(text), `${issue.field}: ${issue.reason} → ${text}`).toBe(true)
        expect(text.startsWith('有一项内容'), `${issue.field} is not labelled`).toBe(false)
      }
    }
  })
})

describe('errorText', () => {
  const refused = (issues: contract.ApiIssue[]) => new ApiError(400, 'invalid_body', issues.map((i) => `${i.field}: ${i.reason}`).join('; '), issues)

  it('names a refused field by its label', () => {
    expect(errorText(refused([{ field: 'reason', reason: 'is required' }]))).toContain(contract.labels.fieldLabel.reason)
    expect(errorText(refused([{ field: 'reason', reason: 'is required' }]), 'EscalateRequest')).toBe('上移理由：必填')
    expect(errorText(refused([{ field: 'reason', reason: 'is required to send back a case' }]), 'StepRequest')).toBe('退回原因：必填')
  })

  it('says what zod says of a field in Chinese: required, too long, not a number, out of range, bad format', () => {
    const first = <S extends z.ZodType>(schema: S, input: unknown, request: string) => {
      const r = schema.safeParse(input)
      if (r.success) throw new Error('parsed')
      return issueText(contract.issuesOf(r.error)[0]!, request)
    }
    expect(first(contract.EscalateRequest, { reason: ' ' }, 'EscalateRequest')).toBe('上移理由：必填')
    expect(first(contract.StepRequest, { step: 'handle', note: '字'.repeat(501) }, 'StepRequest')).toBe('说明：最多500字')
    expect(first(contract.CasesQuery, { limit: 'abc' }, 'CasesQuery')).toBe('条数：须为数字')
    expect(first(contract.CasesQuery, { limit: '5000' }, 'CasesQuery')).toBe('条数：不能大于1000')
    expect(first(contract.GridAtQuery, { lon: '200', lat: '46' }, 'GridAtQuery')).toBe('经度：超出有效范围')
    expect(first(contract.CaseReport, {
      category: 'dispute', kind: 'family', source: 'walk_in', location: [125, 46], parties: [{ role: 'applicant', name: '王芳', phone: '123' }],
    }, 'CaseReport')).toBe('当事人电话：须为11位手机号，或带区号的固定电话')
    expect(first(contract.FiguresQuery, { period: 'month', at: '2026-13-01' }, 'FiguresQuery')).toBe('日期：没有这一天')
  })

  it('shows no HTTP status, English message or id, whatever the failure', () => {
    const shown = [
      errorText(new ApiError(503, 'store_unavailable', 'the store is unavailable; try again in 5 s', [], {}, 5)),
      errorText(new ApiError(404, 'not_found', 'no case with id 42')),
      errorText(new ApiError(403, 'out_of_scope', '231281001001001 lies outside this account\'s scope (duty_leader#a2cb790375)')),
      errorText(new ApiError(418, 'teapot', 'I am a teapot')),
      errorText(new ApiError(502, 'http_error', '502 Bad Gateway')),
      errorText(new TypeError('Failed to fetch')),
      errorText(refused([{ field: 'worker', reason: 'is not a post of grid 231281001001001, the case\'s grid; its posts are PU-AUX-05' }])),
      errorText(refused([{ field: 'no_such_field', reason: 'is something new' }])),
    ]
    for (const text of shown) {
      expect(readable(text), text).toBe(true)
      expect(text).not.toMatch(/\d{3,}/)
    }
    expect(errorText(new ApiError(418, 'teapot', 'I am a teapot'))).toBe(FAILED)
    expect(errorText(new TypeError('Failed to fetch'))).toBe(FAILED)
  })

  it('keeps a reason already in Chinese as it is', () => {
    expect(reasonText('已有同名的部门')).toBe('已有同名的部门')
  })
})
