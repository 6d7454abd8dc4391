// Builds the tab into teams-tab/web/dist, served by the app at /tab/. JSX goes through Vite's own
// transformer (automatic runtime), so no React plugin is needed.
import path from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: '/tab/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: path.join(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // The bench and the budget in bench/tab-size.ts watch the gzipped total; one chunk warning is noise.
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      // Two pages: the tab, and the configuration page Teams shows when the tab is added to a channel,
      // chat or meeting (manifest configurationUrl), which loads only its own small part of the code.
      input: {
        index: path.join(import.meta.dirname, 'index.html'),
        config: path.join(import.meta.dirname, 'config.html'),
      },
      // Fluent marks its modules 'use client' for server components; in a browser bundle it means nothing.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
});
