// axe-core's WCAG 2.2 A and AA rules over a page, as every accessibility check here runs them.
// One run over the editor with every group open reads thousands of nodes: it took over 20 s on a
// busy two-core machine, so each run brings its own time (see time-budget.ts).
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { allowTime } from './time-budget';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** What one axe run may take on a loaded CI machine (about 4x an idle one's worst). */
export const AXE_RUN_MS = 40_000;

export async function expectNoAxeViolations(page: Page, include?: string): Promise<void> {
  allowTime(AXE_RUN_MS);
  const builder = new AxeBuilder({ page }).withTags(WCAG);
  if (include) builder.include(include);
  const { violations } = await builder.analyze();
  expect(
    violations.map(({ id, nodes }) => `${id}: ${nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}
