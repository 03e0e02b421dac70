// Konpro sends an OPTIONS request to a new URL (1 s timeout) and refuses one that does not answer.
// Any HTTP answer counts, even an error status: the point is that something is listening.
export type UrlCheck = (url: string) => Promise<boolean>;

const REACHABILITY_TIMEOUT_MS = 1000;

export const checkUrlReachable: UrlCheck = async (url) => {
  try {
    const response = await fetch(url, {
      method: 'OPTIONS',
      redirect: 'manual',
      signal: AbortSignal.timeout(REACHABILITY_TIMEOUT_MS),
    });
    await response.body?.cancel();
    return true;
  } catch {
    return false;
  }
};
