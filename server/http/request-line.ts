// How a request is named in a log line: method and path as they arrived, percent-encoded. A decoded
// path could carry a newline (`%0a`) and write a forged line of its own into the log.
export function requestLine(method: string, url: string): string {
  return `${method} ${new URL(url).pathname}`;
}
