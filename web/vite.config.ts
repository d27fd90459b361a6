import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { appIcons } from './build/icons.ts';
import { precompress } from './build/precompress.ts';

const root = path.dirname(fileURLToPath(import.meta.url));

// React Router ships a production build (no development warnings or checks, which cost the first
// render on a phone tens of milliseconds) beside the development one, but its package exports name
// only the development one: the production build of the app uses the production file.
const reactRouterProduction = path.resolve(root, '../node_modules/react-router/dist/production/index.mjs');

export default defineConfig(({ command }) => ({
  root,
  plugins: [react(), appIcons(), precompress()],
  resolve: command === 'build' ? { alias: { 'react-router': reactRouterProduction } } : {},
  build: {
    outDir: path.join(root, 'dist'),
    emptyOutDir: true,
    target: 'es2020',
    // Inline nothing as data: URLs into scripts; the CSP allows them for images only.
    assetsInlineLimit: 0,
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
}));
