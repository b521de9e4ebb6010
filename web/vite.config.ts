import { fileURLToPath, URL } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { selfHostedFonts } from './self-hosted-fonts.ts';

/**
 * The pages: two apps in one build — the citizen H5 at `/` and the staff console at `/console/`.
 * `npm start` builds them when the build is missing or stale and serves them on the API's origin;
 * `npm run dev:web` runs this dev server with hot reload and the API behind its proxy.
 */
export const WEB_ROOT = fileURLToPath(new URL('.', import.meta.url));
export const WEB_OUT_DIR = fileURLToPath(new URL('../.cache/web', import.meta.url));

export default defineConfig({
  root: WEB_ROOT,
  base: '/',
  plugins: [vue()],
  css: { postcss: { plugins: [selfHostedFonts()] } },
  build: {
    outDir: WEB_OUT_DIR,
    emptyOutDir: true,
    // Which files each app loads first: `npm run bench` weighs them against the budgets.
    manifest: true,
    rollupOptions: {
      input: {
        citizen: fileURLToPath(new URL('./index.html', import.meta.url)),
        console: fileURLToPath(new URL('./console/index.html', import.meta.url)),
      },
    },
  },
  server: {
    proxy: Object.fromEntries(
      ['/v1', '/local', '/open311', '/docs'].map((path) => [
        path,
        { target: process.env.CIVICLINE_API ?? 'http://127.0.0.1:3000', changeOrigin: false },
      ]),
    ),
  },
});
