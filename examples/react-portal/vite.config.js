import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The portal's own build. konpro-webhook-editor/react needs nothing special: it imports the
// portal's React, and its editor module is a chunk this build loads when it is needed.
export default defineConfig({
  plugins: [react()],
});
