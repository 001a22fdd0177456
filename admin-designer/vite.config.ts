import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Served by the engine at /admin (Engine:AdminDesignerPath); `npm run dev` proxies the API to a local engine.
const engine = process.env.ENGINE_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  build: { outDir: 'dist', chunkSizeWarningLimit: 4096 },
  server: {
    proxy: Object.fromEntries(['/graphql', '/meta', '/connect', '/readyz', '/.well-known'].map(p => [p, engine])),
  },
  test: { include: ['src/**/*.test.ts'], environment: 'node' },
});
