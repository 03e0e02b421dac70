import { useEffect, useState } from 'react';

// Delete endpoint and the History (below-form.tsx) are not needed to start editing, so their code
// is a chunk of its own and a deep link to an endpoint does not wait for it. It is asked for as
// soon as the editor's code runs, beside the endpoint's data, and is usually there before it.
type BelowFormModule = typeof import('./below-form');

let loading: Promise<BelowFormModule> | undefined;

function load(): Promise<BelowFormModule> {
  loading ??= import('./below-form').catch((error: unknown) => {
    loading = undefined; // the next editor that opens asks again
    throw error;
  });
  return loading;
}

load().catch(() => undefined);

/** The module once it has loaded; undefined before, and when it could not be loaded. */
export function useBelowForm(): BelowFormModule | undefined {
  const [module, setModule] = useState<BelowFormModule>();
  useEffect(() => {
    load().then(setModule, () => undefined);
  }, []);
  return module;
}
