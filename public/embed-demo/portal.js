// The portal's own script: loads the editor module and uses both ways of embedding it.
import { mount } from '/embed/konpro-webhook-editor.js';

const log = document.getElementById('event-log');
const target = document.getElementById('mounted-editor');
const params = new URLSearchParams(window.location.search);

function record(source, detail) {
  const item = document.createElement('li');
  item.textContent = `${source}: ${JSON.stringify(detail)}`;
  log.append(item);
}

const EVENTS = [
  'webhook-endpoint-saved',
  'webhook-endpoint-created',
  'webhook-endpoint-deleted',
  'webhook-endpoint-dirty-change',
];
for (const type of EVENTS) {
  document.addEventListener(type, (event) => {
    const editor = event.target instanceof Element ? event.target.id : '?';
    record(`${type} from #${editor}`, event.detail);
  });
}

let handle = null;
function mountEditor() {
  handle = mount(target, {
    apiBaseUrl: '/api',
    endpointId: params.get('endpoint_id') ?? undefined,
    theme: params.get('theme') ?? 'dark',
    // `?features=view-only`: a portal that lets its admins edit endpoints but not add or delete.
    features: params.get('features') === 'view-only' ? { create: false, delete: false } : undefined,
    // A portal would fetch a short-lived token from its own backend here.
    // `?history=push`: Back and Forward move between the editor's views inside the portal.
    history: params.get('history') === 'push' ? 'push' : undefined,
    getHeaders: async () => ({ 'x-portal-session': 'demo-session' }),
    onSaved: (endpoint) => record('onSaved', endpoint),
    onCreated: (endpoint) => record('onCreated', endpoint),
    onDeleted: (endpoint) => record('onDeleted', endpoint),
    onDirtyChange: (dirty) => record('onDirtyChange', dirty),
    onError: (error) => record('onError', error),
  });
  // mount() renders at once, holding the editor's own reserved height: the portal's can go.
  target.classList.add('editor-mounted');
}

document.getElementById('unmount').addEventListener('click', () => {
  handle?.unmount();
  handle = null;
});
document.getElementById('remount').addEventListener('click', () => {
  if (!handle) mountEditor();
});

const elementEndpoint = params.get('element_endpoint_id');
if (elementEndpoint) {
  document.getElementById('element-editor').setAttribute('endpoint-id', elementEndpoint);
}
mountEditor();
