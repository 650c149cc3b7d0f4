import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API server (`lianxin serve`) listens on 3000 by default; in development Vite serves the
// console and forwards the API to it, so the session cookie stays same-origin.
const apiTarget = process.env.LIANXIN_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/healthz': { target: apiTarget, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd alone is well over the default 500 kB warning; the pages are split by route.
    chunkSizeWarningLimit: 1600,
  },
});
