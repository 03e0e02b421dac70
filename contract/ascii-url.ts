/**
 * A URL as the list shows it: in ASCII, an internationalised host as `xn--…`, so a host that
 * imitates another with look-alike letters shows as what it is. Unparseable text stays as is.
 */
export function asciiUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}
