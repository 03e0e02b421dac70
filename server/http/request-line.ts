// How a request is named in a log line: method and path as they arrived, percent-encoded. A decoded
// path could carry a newline (`%0a`) and write a forged line of its own into the log.
export function requestLine(method: string, url: string): string {
  return `${method} ${requestPath(url)}`;
}

/**
 * The path of `url` without its query. A Host that WHATWG URL parsing refuses (`xn--a`, invalid
 * punycode) still reaches the app as text, and its log line must not fail: the path is then cut
 * from the text, with anything outside printable ASCII percent-encoded.
 */
export function requestPath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    const start = url.indexOf('/', url.indexOf('//') + 2);
    const raw = start < 0 ? '/' : (url.slice(start).split(/[?#]/)[0] ?? '/');
    return raw.replace(/[^\x21-\x7e]/gu, (char) => encodeURIComponent(char));
  }
}
