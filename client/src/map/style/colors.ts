/** An RGBA colour as deck.gl takes it, 0–255 each. */
export type Rgba = [number, number, number, number]

/**
 * The screens' colours, one meaning each, bright against the dark map and told apart by hue from across
 * a room (at least 25° apart on the colour wheel): amber a dispute, sky blue a
 * hazard, red overdue, white the level a case was moved up to, violet a case nobody has signed for yet
 * or a department has not reported on (待签收、未报到); a camera down magenta (and the cover it lost),
 * a faulty one deep blue, a working one a quiet grey; a patrol unit green, its trail sea green and the grids
 * patrolled lime. On a drill-down, cyan the area's edge and a sand ring a mediation body (调解组织),
 * quiet beside the cases. The wall's legend draws its keys from these values.
 */
export const COLOR = {
  dispute: [255, 179, 0, 255],
  hazard: [79, 195, 247, 255],
  overdue: [255, 82, 82, 255],
  escalated: [255, 255, 255, 255],
  outline: [5, 8, 13, 255],
  cameraOnline: [130, 160, 190, 170],
  cameraOffline: [236, 64, 255, 255],
  cameraFaulty: [70, 100, 255, 255],
  patrol: [100, 245, 80, 255],
  patrolTrail: [0, 215, 140, 255],
  patrolCover: [175, 215, 40, 255],
  focus: [79, 195, 247, 255],
  awaiting: [170, 140, 255, 255],
  mediation: [226, 200, 150, 230],
} as const satisfies Record<string, Rgba>

/** Whether two colours are the same, channel by channel. */
export const sameRgba = (a: Rgba, b: Rgba) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3]

/** `c` with its alpha multiplied by `a` (0..1). */
export const withAlpha = (c: Rgba, a: number): Rgba => [c[0], c[1], c[2], Math.round(c[3] * Math.min(1, Math.max(0, a)))]

/** `c` as CSS, for the keys of a legend drawn in the DOM. */
export const cssColor = (c: Rgba) => `rgb(${c[0]} ${c[1]} ${c[2]} / ${(c[3] / 255).toFixed(2)})`
