import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The renderer is built to static files served by the app:// protocol (Electron) or the loopback
// server (browser mode). Relative base so the same build works under both.
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    // No inline scripts or styles, so the strict CSP holds.
    assetsInlineLimit: 0,
    // One local bundle for a desktop app (zod, the safeguard rules, the Temporal polyfill): size is not a network cost here.
    chunkSizeWarningLimit: 2000,
  },
});
