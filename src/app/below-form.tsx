// What sits below the editor's form: Delete endpoint, then the History. Neither is needed to start
// editing, so both come in a chunk of their own (see use-below-form.ts).
import type { Endpoint } from '../../contract/schemas';
import { DeleteEndpoint } from '../features/delete-endpoint/delete-endpoint';
import { EndpointHistory } from '../features/history/history';

type BelowFormProps = {
  endpointId: string;
  /** The endpoint when it may be deleted here; null when the host switched deleting off. */
  deletable: Endpoint | null;
  unsaved: boolean;
  onDeleted?: ((endpoint: Endpoint, alreadyGone: boolean) => void) | undefined;
};

export function BelowForm({ endpointId, deletable, unsaved, onDeleted }: BelowFormProps) {
  return (
    <>
      {deletable && onDeleted && (
        <DeleteEndpoint endpoint={deletable} unsaved={unsaved} onDeleted={onDeleted} />
      )}
      {/* Also once deleted elsewhere: the history outlives the endpoint. */}
      <EndpointHistory endpointId={endpointId} />
    </>
  );
}
