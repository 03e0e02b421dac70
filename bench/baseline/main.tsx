// The yardstick for the app's size and start-up: React and ReactDOM rendering one line, built by
// the same Vite and React plugin. Anything the app costs beyond this is the app's own.
import { createRoot } from 'react-dom/client';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(<p>Baseline rendered</p>);
