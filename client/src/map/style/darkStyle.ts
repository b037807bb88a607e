import type { StyleSpecification } from 'maplibre-gl'

/** Colours with one meaning each, bright enough for a dark room read from several metres. */
export const palette = {
  background: '#05080d',
  gridUrban: '#142e46',
  gridRural: '#0f231c',
  gridLine: '#2e4f6b',
  communityLine: '#5a83a8',
  townshipLine: '#a9cdf0',
  cityLine: '#4fc3f7',
  label: '#e6edf5',
  labelDim: '#9fb2c8',
  halo: '#05080d',
  railway: '#7d8896',
  expressway: '#a07a3c',
  arterial: '#55667a',
  street: '#2f3c4b',
  countyRoad: '#46556a',
  villageRoad: '#2a3542',
} as const

/**
 * The font the client bundles (@fontsource/noto-sans-sc), which MapLibre draws labels with locally;
 * Chinese characters it draws with the browser's sans-serif (its `localIdeographFontFamily`).
 */
export const LABEL_FONT = ['Noto Sans SC']

/**
 * An offline dark style: no tile, glyph or sprite URL anywhere. With no `glyphs` entry MapLibre draws
 * text with the page's own fonts, CJK included; every other layer comes from our own GeoJSON sources.
 */
export function darkStyle(): StyleSpecification {
  return {
    version: 8,
    name: 'command-centre-dark',
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': palette.background } }],
  }
}
