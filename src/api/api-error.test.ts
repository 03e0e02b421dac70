import { describe, expect, it } from 'vitest';
import { ApiError, isEditorServerError } from './api-error';

const http = (code: string, status = 502) =>
  new ApiError({ kind: 'http', status, code, message: 'm' });

describe('isEditorServerError', () => {
  it.each(['UPSTREAM_UNREACHABLE', 'UPSTREAM_TIMEOUT', 'UPSTREAM_NOT_JSON', 'INTERNAL_ERROR'])(
    'knows %s as the editor’s own server speaking',
    (code) => expect(isEditorServerError(http(code))).toBe(true),
  );

  it.each(['CROSS_SITE_REQUEST', 'MISDIRECTED_REQUEST'])('and its defences’ %s', (code) =>
    expect(isEditorServerError(http(code, 403))).toBe(true),
  );

  it.each(['PROCESSING_ERROR', 'SERVICE_UNAVAILABLE', 'INVALID_API_KEY', 'HTTP_502', '40001'])(
    'leaves %s to Konpro (or whoever stands in front of it)',
    (code) => expect(isEditorServerError(http(code))).toBe(false),
  );

  it('is never true of a failure without an answer', () => {
    const timeout = new ApiError({ kind: 'timeout', message: 'slow', code: 'UPSTREAM_TIMEOUT' });
    expect(isEditorServerError(timeout)).toBe(false);
  });
});
