/**
 * `returnTo` when it is a path on this site, else null: where a sign-in may send the browser back to.
 * `//host` and `/\host` are other sites to a browser, which also drops control characters from a URL,
 * so any of those is refused too. The sign-in page and the server's OpenID Connect start share this rule.
 */
export function sameSitePath(returnTo: string | null | undefined): string | null {
  if (!returnTo || !returnTo.startsWith('/') || returnTo.startsWith('//') || returnTo.startsWith('/\\')) return null
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u001f\u007f]/.test(returnTo) ? null : returnTo
}
