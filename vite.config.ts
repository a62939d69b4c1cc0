import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app lives in src/web (shell) and src/features/*/ui (pages); it builds to dist/web,
// which the server serves. In development, `npm run dev:web` proxies /api to the server on :3000.
export default defineConfig({
  root: 'src/web',
  publicDir: 'public',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: true,
    // No inline scripts or styles: the server's Content-Security-Policy forbids them.
    assetsInlineLimit: 0,
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
