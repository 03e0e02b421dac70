import type { Plugin } from 'vite';

/**
 * index.html without its comments and the indentation between tags: the page's first bytes are
 * on the list page's budget, and the comments are for whoever reads the source.
 */
export function minifyHtml(): Plugin {
  return {
    name: 'konpro-minify-html',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html
          .replace(/<!--[\s\S]*?-->/g, '')
          .replace(/>\s*\n\s*</g, '><')
          .replace(/\s*\n\s*/g, ' '),
    },
  };
}
