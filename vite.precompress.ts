import { compression } from 'vite-plugin-compression2';

/**
 * Brotli (quality 11) and gzip (level 9) copies beside every text file of a build, made once at
 * build time so the server sends them as they are, at the best ratio, without compressing per
 * request. A copy that would not be smaller is left out and the file is sent as it is.
 */
export function precompress() {
  return compression({
    algorithms: ['brotliCompress', 'gzip'],
    include: /\.(html|js|mjs|css|svg|json|txt|xml|webmanifest)$/,
    logLevel: 'silent',
  });
}
