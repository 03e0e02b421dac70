/** `application/json`, or a `+json` type such as `application/problem+json`, with any parameters. */
export const JSON_TYPE = /^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i;
