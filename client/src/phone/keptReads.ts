import { clear, createStore, get, set } from 'idb-keyval'

/** The last answer of a read the phone shows with no signal, and when it came. */
export type Kept<T> = { value: T; at: string }

const store = createStore('gridgov-phone-reads', 'reads')

export const keepRead = <T>(key: string, value: T) => set(key, { value, at: new Date().toISOString() } satisfies Kept<T>, store)
export const keptRead = <T>(key: string) => get<Kept<T>>(key, store)
/** On signing out: what one account read is not left for the next. */
export const forgetReads = () => clear(store)
