import type { Response } from 'express'
import type { Open311Format } from '../../../contract'

/**
 * GeoReport v2's XML: schemaless, no namespace, each list an element of its items (`<services><service>…`),
 * each field an element of its own, a missing value an empty element (`<account_id/>`). Small and fixed
 * enough that a serializer of its own is simpler than a dependency; every text goes through `escape`.
 */

export type XmlValue = string | number | boolean | null | undefined | readonly XmlValue[] | { readonly [field: string]: XmlValue }

/** The item element of each list element the specification has. */
const ITEM: Record<string, string> = {
  services: 'service', attributes: 'attribute', values: 'value', service_requests: 'request', errors: 'error',
}

/**
 * Text as XML 1.0 may hold it: the five markup characters escaped, and what no XML document may contain (C0
 * controls but tab and line breaks, lone surrogates, U+FFFE/U+FFFF) replaced by U+FFFD, so a description typed with
 * a stray control character still makes a document every parser reads.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
}

function element(name: string, value: XmlValue): string {
  if (value === null || value === undefined) return `<${name}/>`
  if (Array.isArray(value)) {
    const item = ITEM[name]
    if (!item) throw new Error(`open311Xml: no item element for the list ${name}`)
    return `<${name}>${value.map((v) => element(item, v)).join('')}</${name}>`
  }
  if (typeof value === 'object') return `<${name}>${Object.entries(value).map(([k, v]) => element(k, v)).join('')}</${name}>`
  return `<${name}>${escapeXml(String(value))}</${name}>`
}

/** A document: the declaration the specification asks for, then `root` holding `value`, e.g. `open311Xml('errors', [{ code: 403, description: '…' }])`. */
export const open311Xml = (root: string, value: XmlValue): string => `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value)}\n`

/**
 * Sends `body` as the request asked: JSON (the same fields, lists as arrays) or the XML document under `root`,
 * each with the content type and charset the specification gives.
 */
export function answerAs(res: Response, format: Open311Format, root: string, body: XmlValue, status = 200): void {
  res.status(status)
  if (format === 'json') res.type('application/json; charset=utf-8').send(JSON.stringify(body))
  else res.type('text/xml; charset=utf-8').send(open311Xml(root, body))
}

/** The format a path asks for by its suffix; XML, the specification's required one, when it names none. */
export const formatOf = (path: string): Open311Format => (/\.json$/i.test(path) ? 'json' : 'xml')
