import { describe, expect, it } from 'vitest'
import { parseTokens } from '../../server/src/api/auth'

describe('AUTH_TOKENS', () => {
  it('reads role:token pairs, a grid worker with the grid they work', () => {
    const tokens = parseTokens('duty_leader:s3cret, grid_worker@231281001001001:gw1')
    expect(tokens.get('s3cret')).toEqual({ role: 'duty_leader' })
    expect(tokens.get('gw1')).toEqual({ role: 'grid_worker', grid: '231281001001001' })
  })

  it('refuses an unknown role and a grid worker without a grid, saying what it expects', () => {
    expect(() => parseTokens('mayor:x')).toThrow(/"mayor:x" is not role:token with a role of operator, grid_worker/)
    expect(() => parseTokens('grid_worker:x')).toThrow(/grid_worker@<15-digit grid code>:token/)
  })
})
