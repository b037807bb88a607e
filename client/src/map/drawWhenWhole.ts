import type * as maplibregl from 'maplibre-gl'

/**
 * Keeps a new map from drawing until its style and every source have loaded; from then on it draws
 * as MapLibre always does. A map made with the whole city's sources otherwise draws a frame for each
 * batch of tiles the worker sends back: on a 4K wall in software rendering each of those partial
 * frames holds the GPU process for hundreds of milliseconds, and the shaders and tiles of the whole
 * frame wait behind them. An operator sees the city once, whole, instead of tiles popping in.
 *
 * MapLibre has no option for this; the painter is its public field that custom layers draw with.
 */
export function drawWhenWhole(map: maplibregl.Map): void {
  const { painter } = map
  const draw = painter.render.bind(painter)
  painter.render = (...frame) => {
    if (!map.loaded()) return
    painter.render = draw
    draw(...frame)
  }
}
