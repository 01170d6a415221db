import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The PWA build. The service worker is our own (src/app/sw.ts, injectManifest): Workbox
 * precaches the app shell; nothing under /api is ever cached.
 */
export default defineConfig({
  plugins: [
    // The app is written against React's API and runs on Preact (preact/compat): the same
    // components in a third of the bytes. Decision 011.
    preact({ prerender: { enabled: false } }),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/app',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icons/apple-touch-icon.png'],
      manifest: {
        name: 'Lantern',
        short_name: 'Lantern',
        description: 'Outreach records that work without signal.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        background_color: '#10141c',
        theme_color: '#10141c',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,png,svg,webmanifest}'],
        // The charting library draws reports, which need signal: not precached, so a first
        // install (what a phone needs before it can go offline) downloads no more than it must.
        globIgnores: ['**/assets/chart-*.js'],
      },
      devOptions: { enabled: false },
    }),
  ],
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
  build: {
    outDir: 'dist',
    sourcemap: false,
    target: 'es2022',
    // The shell holds every screen of a round, so all of it is in memory from the first
    // load; screens a worker does not open on a round are parts the service worker
    // precaches. `npm run bench` reports the shell's gzip size.
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      onwarn(warning, warn) {
        // zod ships `@__PURE__` comments in places Rollup ignores; harmless.
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules/zod')) return;
        warn(warning);
      },
    },
  },
});
