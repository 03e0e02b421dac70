import { isApiError } from './api-error';

/** This server's own sign-in ended or never happened; Konpro refusing the server's key is not it. */
export function isSignInRequired(error: unknown): boolean {
  return (
    isApiError(error) &&
    error.status === 401 &&
    (error.code === 'SIGN_IN_REQUIRED' || error.code === 'SESSION_EXPIRED')
  );
}
