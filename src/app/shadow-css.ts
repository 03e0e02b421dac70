// Every style of the editor as one string, for the shadow root that mount() and the React
// component render into. The standalone page loads the same sheets with their chunks instead.
import appCss from './app.css?inline';
import editorCss from './editor.css?inline';
import historyCss from '../features/history/history.css?inline';

export const SHADOW_CSS = `${appCss}\n${editorCss}\n${historyCss}`;
