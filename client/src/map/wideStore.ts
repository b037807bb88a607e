import { casesOnlyLevel } from '../../../domain/access'

/**
 * Whether the page was served from a province's or prefecture's store (the server names its top region's level in
 * `<meta name="store-top">`): there what a screen reads depends on its account's area, so nothing is read before it is known.
 */
export const wideStore = (): boolean => casesOnlyLevel(document.querySelector<HTMLMetaElement>('meta[name="store-top"]')?.content ?? '')
