/**
 * A report's idempotency key, made once when the worker makes the report and sent with every try
 * (`Idempotency-Key`), so a report sent again after a lost answer is filed once: `m-` and 128 random bits in
 * hex, within the contract's 8–80 of `[A-Za-z0-9_-]`. `getRandomValues`, not `randomUUID`: it works on a page
 * served over plain http as well.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return `m-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`
}

/** The key a report's `n`th photo is sent with: the report's and the photo's place in it. */
export const photoKey = (reportKey: string, n: number) => `${reportKey}-p${n}`
