import path from 'node:path';

/** Where the built renderer is, relative to this source tree (also inside the packaged asar). */
export const RENDERER_DIST = path.resolve(import.meta.dirname, '..', 'dist', 'renderer');
