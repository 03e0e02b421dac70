import { fileURLToPath } from 'node:url';

/**
 * @hookform/resolvers ships its zod resolver twice: the ES5 build its exports map names, and an
 * ES2017 one (`zod.modern.mjs`: async/await and arrow functions instead of promise helpers) of
 * the same source and version. Every browser the build targets runs the latter: 0.1 kB brotli less.
 */
export const MODERN_BUILDS = [
  {
    find: /^@hookform\/resolvers\/zod$/,
    replacement: fileURLToPath(
      new URL('./node_modules/@hookform/resolvers/zod/dist/zod.modern.mjs', import.meta.url),
    ),
  },
];
