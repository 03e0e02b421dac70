// Accessibility: axe-core (WCAG 2.2 A and AA rules) in every state an admin meets, the keyboard
// path with a visible focus ring, focus moves, and layout at 320 px and at 200% zoom.
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { expect, test } from './fixtures';

async function expectNoViolations(page: Page, include?: string) {
  // The sticky Save bar covers whatever scrolls beneath it, and axe's target-size rule measures
  // that overlap, which moves with the scroll position. At the end of the page the bar rests in
  // its place and covers nothing. (Focus never lands under it: keyboard-focus.spec.ts.)
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expectNoAxeViolations(page, include);
}

async function saveWithSecretRevealed(page: Page) {
  await page.getByRole('checkbox', { name: 'personalized_video', exact: true }).check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  const panel = page.getByRole('region', { name: 'What the server saved' });
  await panel.getByRole('button', { name: 'Reveal secret' }).click();
  await expect(panel.getByRole('button', { name: 'Hide secret' })).toBeVisible();
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`standalone, ${scheme} mode`, () => {
    test.use({ colorScheme: scheme });

    test('the list has no axe violations', async ({ page, endpoint }) => {
      await page.goto('/');
      await expect(page.getByRole('link', { name: endpoint.url })).toBeVisible();
      await expectNoViolations(page);
    });

    test('the editor, a validation error and a server error have none', async ({
      page,
      endpoint,
    }) => {
      await page.goto(`/?endpoint_id=${endpoint.endpoint_id}`);
      await expect(page.getByLabel('Endpoint URL')).toBeVisible();
      await expectNoViolations(page);

      await page.getByLabel('Endpoint URL').fill('http://not-https.example.com');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await expect(page.getByRole('alert')).toBeVisible();
      await expectNoViolations(page);

      await page.route('**/api/v1/webhook/endpoint.update', (route) =>
        route.fulfill({
          status: 500,
          contentType: 'application/json',
          body: '{"error":{"code":"PROCESSING_ERROR","message":"Boom"},"request_id":"req_a11y"}',
        }),
      );
      await page.getByLabel('Endpoint URL').fill('https://fine.example.com/hook');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await expect(page.getByRole('alert')).toContainText('Konpro failed');
      await expectNoViolations(page);
    });

    test('the open, searched and filtered checklist, the Back dialog and a draft have none', async ({
      page,
      endpoint,
    }) => {
      await page.goto('/');
      await page.getByRole('link', { name: endpoint.url }).click();
      await page.getByRole('button', { name: 'Expand all groups' }).click();
      await expectNoViolations(page);
      await page.getByRole('searchbox', { name: 'Search events' }).fill('fail');
      await expect(page.getByRole('checkbox', { name: /^Select the 3 shown/ })).toBeVisible();
      await expectNoViolations(page);
      await page.getByRole('searchbox', { name: 'Search events' }).clear();
      await page.getByRole('checkbox', { name: 'Show selected only' }).check();
      await expectNoViolations(page);
      await page.getByLabel('Endpoint URL').fill('https://draft-a11y.example.com/hook');
      await page.goBack();
      await expect(page.getByRole('alertdialog')).toBeVisible();
      await expectNoViolations(page);
      await page.getByRole('button', { name: 'Leave' }).click();
      await expect(page.getByText('Unsaved changes')).toBeVisible();
      await expectNoViolations(page);
    });

    test('a load failure and a missing catalog have none', async ({ page, endpoint }) => {
      await page.route('**/api/v1/webhook/webhook.list', (route) =>
        route.fulfill({
          status: 429,
          headers: { 'retry-after': '60' },
          json: { error: { code: 'RATE_LIMIT_EXCEEDED', message: 'Slow down' } },
        }),
      );
      await page.goto(`/?endpoint_id=${endpoint.endpoint_id}`);
      await expect(page.getByRole('button', { name: /^Try again in/ })).toBeDisabled();
      await expectNoViolations(page);
    });

    test('the saved panel with the secret revealed has none', async ({ page, endpoint }) => {
      await page.goto(`/?endpoint_id=${endpoint.endpoint_id}`);
      await saveWithSecretRevealed(page);
      await expectNoViolations(page);
    });

    test('the searched list, the add form and the delete dialog have none', async ({
      page,
      endpoint,
    }) => {
      await page.goto('/');
      await page.getByRole('searchbox', { name: 'Search endpoints' }).fill(endpoint.endpoint_id);
      await expect(page.getByRole('link', { name: endpoint.url })).toBeVisible();
      await expectNoViolations(page);
      await page
        .getByRole('searchbox', { name: 'Search endpoints' })
        .fill('matches-nothing-at-all');
      await expect(page.getByText('No endpoint matches this search.')).toBeVisible();
      await expectNoViolations(page);

      await page.getByRole('link', { name: 'Add endpoint' }).click();
      await expect(page.getByLabel('Endpoint URL')).toBeVisible();
      await expectNoViolations(page);
      await page.getByRole('button', { name: 'Create endpoint' }).click();
      await expect(page.getByText('Tick at least one event')).toBeVisible();
      await expectNoViolations(page);

      await page.goto(`/?endpoint_id=${endpoint.endpoint_id}`);
      const secret = page.getByRole('region', { name: 'Signing secret' });
      await secret.getByRole('button', { name: 'Reveal secret' }).click();
      await expect(secret.locator('code')).toBeVisible();
      await expectNoViolations(page);
      await page.getByRole('button', { name: 'Delete endpoint' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectNoViolations(page);
    });
  });
}

test('the embedded editors (light element, dark mount) have no axe violations', async ({
  page,
  endpoint,
}) => {
  await page.goto(`/embed-demo.html?endpoint_id=${endpoint.endpoint_id}`);
  const mounted = page.locator('#mounted-editor');
  await expect(mounted.getByLabel('Endpoint URL')).toBeVisible();
  await expectNoViolations(page, '#mounted-editor');
  await expectNoViolations(page, '#element-editor');
  await mounted.getByRole('checkbox', { name: 'personalized_video', exact: true }).check();
  await mounted.getByRole('button', { name: 'Save changes' }).click();
  await mounted
    .getByRole('region', { name: 'What the server saved' })
    .getByRole('button', { name: 'Reveal secret' })
    .click();
  await expectNoViolations(page, '#mounted-editor');
});

async function tabTo(page: Page, name: RegExp | string, limit = 120) {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      let element = document.activeElement;
      while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
      if (!element) return null;
      const style = getComputedStyle(element);
      return {
        name: element.getAttribute('aria-label') ?? element.textContent.trim(),
        label: (element as Partial<HTMLInputElement>).labels?.[0]?.textContent.trim() ?? '',
        ring: style.outlineStyle !== 'none' || style.boxShadow !== 'none',
      };
    });
    const text = `${focused?.name ?? ''} ${focused?.label ?? ''}`;
    if (typeof name === 'string' ? text.includes(name) : name.test(text)) {
      expect(focused?.ring, `visible focus ring on "${text.trim()}"`).toBe(true);
      return;
    }
  }
  throw new Error(`Tab never reached ${String(name)}`);
}

test('embedded: the whole edit-and-save flow by keyboard, focus on the result', async ({
  page,
  endpoint,
}) => {
  await page.goto('/embed-demo.html');
  const mounted = page.locator('#mounted-editor');
  await expect(mounted.getByRole('link', { name: endpoint.url })).toBeVisible();
  await page.locator('#unmount').focus(); // start just before the mounted editor
  await tabTo(page, endpoint.url);
  await page.keyboard.press('Enter');
  await expect(mounted.getByRole('heading', { name: 'Edit endpoint' })).toBeFocused();
  await tabTo(page, 'Endpoint URL');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('https://keyboard-embed.example.com/hook');
  await tabTo(page, 'Select all avatar_video events');
  await page.keyboard.press('Space');
  await tabTo(page, 'personalized_video');
  await page.keyboard.press('Space');
  await tabTo(page, 'Save changes');
  await page.keyboard.press('Enter');
  await expect(mounted.getByRole('heading', { name: 'What the server saved' })).toBeFocused();
  await expect(mounted.getByRole('region', { name: 'What the server saved' })).toContainText(
    'personalized_video',
  );
});

test('a failed save moves focus to the first invalid field', async ({ page, endpoint }) => {
  await page.goto(`/?endpoint_id=${endpoint.endpoint_id}`);
  await page.getByRole('checkbox', { name: 'Select all avatar_video events' }).uncheck();
  await page.getByRole('button', { name: 'Save changes' }).click();
  // The first control of the event groups: the first group's heading.
  await expect(page.getByRole('button', { name: 'avatar_video 0 of 2 selected' })).toBeFocused();
});

for (const width of [320, 640]) {
  test(`no sideways scrolling at ${width} px (${width === 640 ? '200% zoom' : 'phone'})`, async ({
    page,
    endpoint,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    const fits = () =>
      page.evaluate(
        () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
      );
    await page.goto('/');
    await expect(page.getByRole('link', { name: endpoint.url })).toBeVisible();
    expect(await fits()).toBe(true);
    await page.getByRole('link', { name: endpoint.url }).click();
    await page.getByLabel('Endpoint URL').fill('http://bad.example.com');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    expect(await fits()).toBe(true);
    await page
      .getByLabel('Endpoint URL')
      .fill('https://a-rather-long-host-name-for-a-phone.example.com/hook');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page
      .getByRole('region', { name: 'What the server saved' })
      .getByRole('button', { name: 'Reveal secret' })
      .click();
    expect(await fits()).toBe(true);
    // The list's cards and the delete dialog fit too.
    await page.getByRole('button', { name: 'Delete endpoint' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(await fits()).toBe(true);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('link', { name: '← All endpoints' }).click();
    await expect(page.getByRole('searchbox', { name: 'Search endpoints' })).toBeVisible();
    expect(await fits()).toBe(true);
  });
}
