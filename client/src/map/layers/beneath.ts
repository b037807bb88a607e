/**
 * Puts an interleaved deck.gl layer under the MapLibre layer `beforeId` (MapLibreOverlay reads the prop;
 * deck.gl's own layer typings do not name it, hence the plain object spread into the props).
 */
export const beneath = (beforeId: string): object => ({ beforeId })
