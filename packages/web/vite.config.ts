import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// No @vitejs/plugin-react: Vite 8's built-in oxc transform compiles JSX with the automatic
// runtime, which is all this app needs (no fast refresh plugin required for a dev server).
export default defineConfig({
  root,
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd alone is ~1 MB unminified; pages are split out, the shared vendor chunk stays large.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // antd marks every module "use client" for React Server Components; this is a plain SPA,
      // so the directive means nothing here and the hundreds of warnings would hide real ones.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false } },
  },
});
