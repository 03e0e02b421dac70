// The `react-18` test project runs the editor on React 18.3.1, as a portal with that React would.
// Vite's alias sends the project's own imports of `react` and `react-dom` to the 18.3 copies, but
// React's files are CommonJS loaded by Node, and react-dom requires `react` (and react-dom/client
// requires `react-dom`) by name: Node must resolve those names to the same copies, or React 18's
// renderer would run against React 19. Each test file runs in a process of its own, so this
// reaches no other project's tests.
import Module from 'node:module';

const REDIRECTS: Record<string, string> = { react: 'react-18', 'react-dom': 'react-dom-18' };

type Resolve = (request: string, ...rest: unknown[]) => string;
const loader = Module as unknown as { _resolveFilename: Resolve };
const resolve = loader._resolveFilename;
loader._resolveFilename = (request, ...rest) => {
  const [name = '', ...path] = request.split('/');
  const target = REDIRECTS[name];
  return resolve(target === undefined ? request : [target, ...path].join('/'), ...rest);
};

await import('./setup');
