// A test's time limit sized to its work. Playwright's default 30 s is a guess that a busy machine
// (a load of 8 on two cores) passes for heavy steps: an axe run over the editor with every group
// open, a sign-in through the provider, a walk of a hundred Tab presses. Each such step brings its
// own time to the test instead of spending the test's; an endless step still fails.
import { test } from '@playwright/test';

/** Adds `ms` to the running test's time limit, for a step whose cost is known. */
export function allowTime(ms: number): void {
  const info = test.info();
  info.setTimeout(info.timeout + ms);
}
