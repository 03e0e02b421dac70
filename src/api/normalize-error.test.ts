import { describe, expect, it } from 'vitest';
import { errorFromResponse } from './normalize-error';

const read = (status: number, body: unknown) =>
  errorFromResponse(status, JSON.stringify(body), new Headers());

describe('an invalid URL, in either shape', () => {
  it("Konpro's VALIDATION_ERROR names the URL field and gives the reason", () => {
    const error = read(400, {
      error: {
        code: 'VALIDATION_ERROR',
        message: 'The request body is invalid',
        details: { field: 'url', reason: 'The URL must start with https://' },
      },
      request_id: 'req_1',
    });
    expect(error).toMatchObject({
      status: 400,
      code: 'VALIDATION_ERROR',
      field: 'url',
      message: 'The URL must start with https://',
    });
  });

  it("HeyGen's 400542 lands on the URL field too, its reason separated from HeyGen's words", () => {
    const text = 'Url of this webhook endpoint is invalid: The URL must start with https://';
    const error = read(400, { code: 400542, data: null, msg: text, message: text });
    expect(error).toMatchObject({
      status: 400,
      code: '400542',
      field: 'url',
      message: 'The URL must start with https://',
      serverMessage: 'The URL must start with https://',
    });
  });

  it("HeyGen's 400542 with HeyGen's words alone still lands on the URL field", () => {
    for (const body of [
      { code: 400542, message: 'Url of this webhook endpoint is invalid' },
      { code: 400542, msg: 'Url of this webhook endpoint is invalid:  ' },
      { code: '400542', message: null },
    ]) {
      expect(read(400, body)).toMatchObject({
        field: 'url',
        message: expect.stringMatching(/^Url of this webhook endpoint is invalid/) as unknown,
      });
    }
  });
});

describe('an unknown endpoint, in either shape', () => {
  it("Konpro's RESOURCE_NOT_FOUND", () => {
    const error = read(404, {
      error: { code: 'RESOURCE_NOT_FOUND', message: 'No endpoint "ep_x" for this API key' },
    });
    expect(error).toMatchObject({ status: 404, message: 'No endpoint "ep_x" for this API key' });
    expect(error.field).toBeUndefined();
  });

  it("HeyGen's 400131, with the reason or with HeyGen's words alone", () => {
    const text = 'Webhook endpoint not found: No endpoint "ep_x" for this API key';
    expect(read(404, { code: 400131, data: null, msg: text, message: text })).toMatchObject({
      status: 404,
      code: '400131',
      message: 'No endpoint "ep_x" for this API key',
      field: undefined,
    });
    expect(read(404, { code: 400131, message: 'Webhook endpoint not found' })).toMatchObject({
      message: 'Webhook endpoint not found',
    });
  });
});

describe('other HeyGen codes', () => {
  it('keep their whole message and name no field, whatever the code says', () => {
    const text = 'The request body is invalid: "video.exploded" is not an event type';
    for (const code of [40001, '__proto__', 'constructor', 'toString']) {
      const error = read(400, { code, message: text });
      expect(error).toMatchObject({ message: text, field: undefined });
    }
  });
});
