import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const here = new URL('.', import.meta.url).pathname

// The app is served by `medcyber serve` from dist/web; in development `vite` proxies the API.
export default defineConfig({
  root: here,
  plugins: [react()],
  build: {
    outDir: new URL('../dist/web', import.meta.url).pathname,
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
})
