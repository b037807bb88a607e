import { io, type Socket } from 'socket.io-client'
import { type Change, type ClientToServerEvents, PROTOCOL_VERSION, serverEvents, type ServerToClientEvents } from '../../contract'
import { testKey } from './serve'

type Client = Socket<ServerToClientEvents, ClientToServerEvents>

const open: Client[] = []
const malformed: string[] = []

/**
 * A real Socket.IO client in `rooms` that records every change it receives, parsed with the
 * contract's schema (a frame that does not parse fails the test in `closeWatchers`). It reconnects by
 * itself from the last change it received, as a screen does; `since` starts it there. It signs in with
 * the API `key` (by default the city-scoped duty leader's test key).
 * - `hello`: resolves with the position the server starts it from, once it is live;
 * - `position()`: the last position it received;
 * - `synced()`: resolves once every frame the server sent it before the call has arrived (a ping's
 *   answer comes after them on the same connection): after `hub.flush()`, what it has not received
 *   it will not receive.
 */
export function watch(url: string, rooms: string[] = ['city'], since?: number, key: string = testKey('leader')) {
  const received: Change[] = []
  let last = since
  const socket: Client = io(url, {
    transports: ['websocket'],
    reconnectionDelay: 50,
    reconnectionDelayMax: 200,
    auth: (cb) => cb({ protocol: PROTOCOL_VERSION, rooms, key, ...(last === undefined ? {} : { since: last }) }),
  })
  socket.on('live:changes', (frame: unknown) => {
    const parsed = serverEvents['live:changes'].safeParse(frame)
    if (!parsed.success) {
      malformed.push(`${JSON.stringify(frame).slice(0, 300)}: ${parsed.error.message.slice(0, 300)}`)
      return
    }
    for (const c of parsed.data) {
      received.push(c)
      last = c.seq
    }
  })
  const hello = new Promise<number>((resolve) => socket.once('live:hello', ({ seq }) => resolve(seq)))
  open.push(socket)
  const synced = async () => {
    await socket.timeout(5000).emitWithAck('live:ping', { t: Date.now() })
  }
  return { socket, received, hello, position: () => last, synced }
}

/** Disconnects every client `watch` opened, and fails if any of them was sent a frame the contract does not allow; call after each test. */
export function closeWatchers(): void {
  for (const s of open.splice(0)) s.disconnect()
  const bad = malformed.splice(0)
  if (bad.length > 0) throw new Error(`${bad.length} live:changes frame(s) do not parse with the contract:\n${bad.join('\n')}`)
}

/** Waits for `check` to hold, polling every 10 ms; fails naming `what` after `ms`. */
export async function until(check: () => boolean | Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}
