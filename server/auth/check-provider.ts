// At start, sign-in's provider is asked for its metadata once, so a provider that cannot be used
// is named in the start-up output (one line) rather than first on an admin's page. The server
// starts either way: the provider may be back by the time someone signs in.
import type { SignInSettings } from '../settings';
import { discoverProvider } from './oidc-client';
import { describeProviderProblem } from './provider-problem';

/** One line saying why the provider cannot be used, or null when it answered. */
export async function checkProvider(
  settings: SignInSettings,
  discover: () => Promise<unknown> = () => discoverProvider(settings),
): Promise<string | null> {
  try {
    await discover();
    return null;
  } catch (error) {
    const problem = describeProviderProblem(error);
    return `sign-in provider ${settings.issuer} cannot be used: ${problem.cause}; ${problem.fix}`;
  }
}
