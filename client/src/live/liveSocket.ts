import { io, type Socket } from 'socket.io-client'
import { type ClientToServerEvents, PROTOCOL_VERSION, type Room, type ServerToClientEvents } from '../../../contract'
import { sessionDoubted } from '../api/sessionSignal'

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>

/** How long before asking again after the server refused the handshake or closed the socket itself. */
const REFUSED_RETRY_MS = 5000

/**
 * A Socket.IO connection to `rooms`, signed in by the page's session cookie (same origin: the handshake
 * carries it). Socket.IO reconnects by itself after a network failure or a server restart, not after the
 * server refused the handshake or closed the socket: the session may have ended (signed out, account
 * disabled), so the page's session is checked again, which shows the sign-in page if so; otherwise the
 * socket tries again a little later. `since()`: the position to resume after, read at every (re)connect.
 */
export function liveSocket(rooms: readonly Room[], since: () => number | undefined): { socket: LiveSocket; close(): void } {
  let closed = false
  let retry: ReturnType<typeof setTimeout> | undefined
  const socket: LiveSocket = io({
    transports: ['websocket'],
    auth: (cb) => {
      const at = since()
      cb({ protocol: PROTOCOL_VERSION, rooms: [...rooms], ...(at === undefined ? {} : { since: at }) })
    },
    reconnectionDelayMax: 5000,
  })
  const later = () => {
    clearTimeout(retry)
    retry = setTimeout(() => !closed && !socket.connected && socket.connect(), REFUSED_RETRY_MS)
  }
  socket.on('connect_error', (err) => {
    // `active`: Socket.IO will retry by itself (the network); not after the server's middleware said no.
    if (socket.active) return
    if (err.message.startsWith('unauthenticated')) sessionDoubted()
    else console.warn('live stream refused:', err.message)
    later()
  })
  socket.on('disconnect', (reason) => {
    if (reason !== 'io server disconnect') return
    sessionDoubted()
    later()
  })
  return {
    socket,
    close() {
      closed = true
      clearTimeout(retry)
      socket.disconnect()
    },
  }
}
