/**
 * The WebGL context of the canvas drawn over the map, redrawn every frame while a report pulses.
 * luma.gl asks for a preserved drawing buffer, which makes the browser copy the whole canvas each
 * frame, and WebGL's default multisampling resolves every pixel of it again; neither buys anything
 * here: the points, rings and labels antialias their own edges in their shaders, and nothing reads
 * the canvas back. At 4K in software the two were most of the overlay's frame.
 */
export const OVERLAY_DEVICE_PROPS = { webgl: { antialias: false, preserveDrawingBuffer: false } } as const
