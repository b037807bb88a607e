/** 1 on a 1080-line screen, 2 on a 4K wall: what lines, points and type are multiplied by to read the same from a distance. */
export const displayScale = () => Math.max(1, window.innerHeight / 1080)
