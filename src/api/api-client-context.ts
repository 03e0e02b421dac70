import { createContext, useContext } from 'react';
import type { ApiClient } from './api-client';

// Passed down rather than imported as a singleton, so two editors on one page can talk to two
// different backends.
export const ApiClientContext = createContext<ApiClient | null>(null);

export function useApiClient(): ApiClient {
  const client = useContext(ApiClientContext);
  if (client === null) throw new Error('useApiClient needs an ApiClientContext provider');
  return client;
}
