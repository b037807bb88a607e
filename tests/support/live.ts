import { io, type Socket } from 'socket.io-client'
import { type Change, PROTOCOL_VERSION, type ServerToClientEvents } from '../../contract'

const open: Socket[] = []

/** A real Socket.IO client in `rooms` recording every change it receives; `hello` resolves once it is live. */
export function watch(url: string, rooms: string[] = ['city']) {
  const received: Change[] = []
  const socket: Socket<ServerToClientEvents> = io(url, { transports: ['websocket'], auth: { protocol: PROTOCOL_VERSION, rooms } })
  socket.on('live:changes', (changes) => received.push(...changes))
  open.push(socket)
  return { received, hello: new Promise((resolve) => socket.once('live:hello', resolve)) }
}

/** Disconnects every client `watch` opened; call after each test. */
export function closeWatchers(): void {
  for (const s of open.splice(0)) s.disconnect()
}

/** Waits for `check` to hold, polling; fails naming `what` after `ms`. */
export async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}
