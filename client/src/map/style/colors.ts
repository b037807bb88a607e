/** An RGBA colour as deck.gl takes it, 0–255 each. */
export type Rgba = [number, number, number, number]

/**
 * The wall's colours, one meaning each, bright against the dark map: amber a dispute, cyan a hazard,
 * red overdue, white the level a case was moved up to, magenta a camera down (and the cover it lost),
 * orange a faulty camera, green a patrol (and the grids it walked), violet a case nobody has signed for yet or a
 * department has not reported on (待签收、未报到); on a drill-down, cyan the area's edge and a sand ring a
 * mediation body (调解组织), quiet beside the cases.
 */
export const COLOR = {
  dispute: [255, 179, 0, 240],
  hazard: [79, 195, 247, 240],
  overdue: [255, 82, 82, 255],
  escalated: [255, 255, 255, 255],
  outline: [5, 8, 13, 255],
  cameraOnline: [130, 160, 190, 170],
  cameraOffline: [236, 64, 255, 255],
  cameraFaulty: [255, 138, 50, 255],
  patrol: [105, 240, 130, 255],
  focus: [79, 195, 247, 255],
  awaiting: [170, 140, 255, 255],
  mediation: [226, 200, 150, 230],
} as const satisfies Record<string, Rgba>

/** Whether two colours are the same, channel by channel. */
export const sameRgba = (a: Rgba, b: Rgba) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3]

/** `c` with its alpha multiplied by `a` (0..1). */
export const withAlpha = (c: Rgba, a: number): Rgba => [c[0], c[1], c[2], Math.round(c[3] * Math.min(1, Math.max(0, a)))]
