import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { errorFromResponse } from './normalize-error';
import { isSignInRequired } from './sign-in-required';

const answer = (code: string, status = 401) =>
  errorFromResponse(
    status,
    JSON.stringify({ error: { code, message: 'm' }, request_id: 'req_konpro' }),
    new Headers({ 'x-request-id': 'req_server' }),
  );

describe('isSignInRequired', () => {
  it("knows the server's own sign-in answers", () => {
    expect(isSignInRequired(answer('SIGN_IN_REQUIRED'))).toBe(true);
    expect(isSignInRequired(answer('SESSION_EXPIRED'))).toBe(true);
  });

  it("is not fooled by Konpro refusing the server's key, or by other statuses", () => {
    expect(isSignInRequired(answer('INVALID_API_KEY'))).toBe(false);
    expect(isSignInRequired(answer('SIGN_IN_REQUIRED', 403))).toBe(false);
    expect(isSignInRequired(new ApiError({ kind: 'network', message: 'x' }))).toBe(false);
    expect(isSignInRequired(new Error('SIGN_IN_REQUIRED'))).toBe(false);
  });
});

describe('the request id an error shows', () => {
  it("is the answering server's (its log line), not one named in a forwarded body", () => {
    expect(answer('X', 500).requestId).toBe('req_server');
    const bodyOnly = errorFromResponse(500, '{"request_id":"req_body"}', new Headers());
    expect(bodyOnly.requestId).toBe('req_body');
  });
});
