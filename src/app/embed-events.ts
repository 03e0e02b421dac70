// The DOM events the editor sends from its host element (they bubble and cross the shadow root).
export const SAVED_EVENT = 'webhook-endpoint-saved';
export const CREATED_EVENT = 'webhook-endpoint-created';
export const DELETED_EVENT = 'webhook-endpoint-deleted';
export const DIRTY_EVENT = 'webhook-endpoint-dirty-change';
export const ERROR_EVENT = 'webhook-endpoint-error';
