// The staff web app's build (`npm run build` → dist/web) and dev server (`npm run dev`, which
// proxies the API to a NileCare server on API_URL, default http://localhost:3000).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const api = process.env.API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: 'src/web',
  publicDir: 'public',
  plugins: [react()],
  // The server replaces this placeholder with each response's nonce (platform/http/web-app.ts):
  // Vite puts it on its tags and in <meta property="csp-nonce">, where Mantine's style tags read it.
  html: { cspNonce: '__CSP_NONCE__' },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    chunkSizeWarningLimit: 600,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: api }, '/health': { target: api } },
  },
});
