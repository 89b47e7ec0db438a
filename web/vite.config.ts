import { defineConfig } from 'vite';

/**
 * One page (index.html) whose script picks the view from the path; the hub serves `dist/`
 * (gateway/src/hub/web-pages.ts). `npm run dev -w @communes/web` proxies the API to a hub on
 * HUB_URL (http://localhost:4000 by default, as `npm start`).
 */
const hub = process.env['HUB_URL'] ?? 'http://localhost:4000';

export default defineConfig({
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 900 },
  server: {
    proxy: {
      '/graphql': hub,
      '^/reports/[^/]+/export\\.': hub,
    },
  },
});
