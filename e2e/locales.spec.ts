// The editor in each shipped language, as the browser asks for it (navigator.languages): the add
// form and the delete dialog in that language, a plural, the page's lang and dir, axe in Arabic,
// and screenshots at 375 px of the two screens in German and Arabic (written to the test's
// output folder, to be looked at).
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectNoAxeViolations } from './axe';

type Case = {
  browser: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  addHeading: string;
  create: string;
  deleteButton: string;
  dialogTitle: string;
  /** What the dialog says of an endpoint with two event types. */
  twoEvents: string;
  screenshots: boolean;
};

const CASES: Case[] = [
  {
    browser: 'en-GB',
    lang: 'en',
    dir: 'ltr',
    addHeading: 'Add endpoint',
    create: 'Create endpoint',
    deleteButton: 'Delete endpoint',
    dialogTitle: 'Delete this endpoint?',
    twoEvents: 'It receives 2 event types.',
    screenshots: false,
  },
  {
    browser: 'de-CH',
    lang: 'de',
    dir: 'ltr',
    addHeading: 'Endpunkt hinzufügen',
    create: 'Endpunkt erstellen',
    deleteButton: 'Endpunkt löschen',
    dialogTitle: 'Diesen Endpunkt löschen?',
    twoEvents: 'Er empfängt 2 Event-Typen.',
    screenshots: true,
  },
  {
    browser: 'ja-JP',
    lang: 'ja',
    dir: 'ltr',
    addHeading: 'エンドポイントを追加',
    create: 'エンドポイントを作成',
    deleteButton: 'エンドポイントを削除',
    dialogTitle: 'このエンドポイントを削除しますか？',
    twoEvents: '2種類のイベントタイプを受信しています。',
    screenshots: false,
  },
  {
    browser: 'ar-EG',
    lang: 'ar',
    dir: 'rtl',
    addHeading: 'إضافة نقطة نهاية',
    create: 'إنشاء نقطة النهاية',
    deleteButton: 'حذف نقطة النهاية',
    dialogTitle: 'هل تريد حذف نقطة النهاية هذه؟',
    twoEvents: 'تستقبل نوعين من الأحداث.',
    screenshots: true,
  },
];

for (const c of CASES) {
  test.describe(`in ${c.lang} (browser ${c.browser})`, () => {
    test.use({ locale: c.browser, viewport: { width: 375, height: 800 } });

    test('the add form speaks it, with lang and dir on the editor', async ({ page }, testInfo) => {
      await page.goto('/?new');
      await expect(page.getByRole('heading', { name: c.addHeading })).toBeVisible();
      await expect(page.getByRole('button', { name: c.create })).toBeVisible();
      const root = page.locator('.kwe-root[lang]').last();
      await expect(root).toHaveAttribute('lang', c.lang);
      await expect(root).toHaveAttribute('dir', c.dir);
      await expect(page.locator('html')).toHaveAttribute('lang', c.lang);
      if (c.lang === 'ar') await expectNoAxeViolations(page);
      if (c.screenshots) {
        await page.screenshot({
          path: testInfo.outputPath(`add-endpoint-${c.lang}.png`),
          fullPage: true,
        });
      }
    });

    test('the delete dialog speaks it, with a plural', async ({ page, endpoint }, testInfo) => {
      await page.goto(`/?endpoint_id=${endpoint.endpoint_id}`);
      await page.getByRole('button', { name: c.deleteButton }).click();
      const dialog = page.getByRole('dialog', { name: c.dialogTitle });
      await expect(dialog).toBeVisible();
      await expect(dialog.getByText(c.twoEvents)).toBeVisible();
      // The URL reads left to right inside any language.
      await expect(dialog.locator('bdi[dir="ltr"]')).toHaveText(endpoint.url);
      if (c.screenshots) {
        await page.screenshot({ path: testInfo.outputPath(`delete-dialog-${c.lang}.png`) });
      }
    });
  });
}

// The list page, from a list of two endpoints of known dates (the emulator's own list grows with
// the tests running beside this one): its labels, the count's plural and a created date.
const LIST_CASES = [
  {
    browser: 'de-CH',
    lang: 'de',
    heading: 'Webhook-Endpunkte',
    search: 'Endpunkte durchsuchen',
    count: '2 Endpunkte',
    twoEvents: '2 Events',
    sortNewest: 'Neueste zuerst',
  },
  {
    browser: 'ar-EG',
    lang: 'ar',
    heading: 'نقاط نهاية Webhook',
    search: 'البحث في نقاط النهاية',
    count: 'نقطتا نهاية',
    twoEvents: 'حدثان',
    sortNewest: 'الأحدث أولًا',
  },
];

const LISTED = [
  {
    endpoint_id: 'ep_list_1',
    url: 'https://a.example.com/hooks',
    status: 'enabled',
    events: ['avatar_video.success', 'avatar_video.fail'],
    username: 'demo',
    created_at: '2024-01-15T10:30:00Z',
  },
  {
    endpoint_id: 'ep_list_2',
    url: 'https://b.example.com/hooks',
    status: 'disabled',
    events: [],
    username: 'demo',
    created_at: '2024-01-15T12:00:00Z',
  },
];

for (const c of LIST_CASES) {
  test.describe(`the list page in ${c.lang} (browser ${c.browser})`, () => {
    test.use({ locale: c.browser, viewport: { width: 375, height: 800 } });

    test('speaks it, with a plural and a date', async ({ page }, testInfo) => {
      await page.route('**/api/v1/webhook/endpoint.list', (route) =>
        route.fulfill({ json: { data: LISTED } }),
      );
      await page.goto('/');
      await expect(page.getByRole('heading', { name: c.heading })).toBeVisible();
      await expect(page.getByRole('searchbox', { name: c.search })).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: c.count })).toHaveText(c.count);
      await expect(page.getByRole('cell', { name: c.twoEvents, exact: true })).toBeVisible();
      await expect(page.getByRole('option', { name: c.sortNewest })).toBeAttached();
      // The date as the page's language writes it (the browser's own formats, not Node's).
      const created = await page.evaluate(
        (lang) =>
          new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(Date.UTC(2024, 0, 15, 11)),
        c.lang,
      );
      await expect(page.getByRole('cell').filter({ hasText: created })).toHaveCount(2);
      await expect(page.locator('.kwe-root[lang]').last()).toHaveAttribute('lang', c.lang);
      if (c.lang === 'ar') await expectNoAxeViolations(page);
      await page.screenshot({ path: testInfo.outputPath(`list-${c.lang}.png`), fullPage: true });
    });
  });
}

// What a failed request says, chosen by its status: a list that cannot be loaded (the app
// catalogue, on the list page) and a delete that is refused (the editor's), with Konpro's own
// words and the request id kept, left to right inside Arabic.
const FAILURE_CASES = [
  {
    browser: 'de-CH',
    lang: 'de',
    rateLimited:
      'Das Ratenlimit von Konpro wurde erreicht. Sie können es um {time} erneut versuchen.',
    konproSaid: 'Konpro meldete: „Injected RATE_LIMIT_EXCEEDED“',
    deleteButton: 'Endpunkt löschen',
    confirm: 'Löschen',
    refused: 'Dieser Editor darf keine Endpunkte löschen',
  },
  {
    browser: 'ar-EG',
    lang: 'ar',
    rateLimited: 'تم بلوغ حدّ معدّل الطلبات لدى Konpro. يمكنك إعادة المحاولة في الساعة {time}.',
    konproSaid: 'ردّ Konpro: «Injected RATE_LIMIT_EXCEEDED»',
    deleteButton: 'حذف نقطة النهاية',
    confirm: 'حذف',
    refused: 'لا يُسمح لهذا المحرّر بحذف نقاط النهاية',
  },
];

const refusal = (status: number, code: string, headers: Record<string, string> = {}) => ({
  status,
  contentType: 'application/json',
  headers: { 'x-request-id': `req_e2e_${status}`, ...headers },
  body: JSON.stringify({ error: { code, message: `Injected ${code}` } }),
});

for (const c of FAILURE_CASES) {
  test.describe(`failures in ${c.lang} (browser ${c.browser})`, () => {
    test.use({ locale: c.browser, viewport: { width: 375, height: 800 } });

    test('a list that cannot be loaded says why and when to try again', async ({
      page,
    }, testInfo) => {
      const now = Date.UTC(2026, 2, 3, 9, 15, 0);
      await page.clock.setFixedTime(now);
      await page.route('**/api/v1/webhook/endpoint.list', (route) =>
        route.fulfill(refusal(429, 'RATE_LIMIT_EXCEEDED', { 'retry-after': '120' })),
      );
      await page.goto('/');
      const time = await page.evaluate(
        ([lang, at]) =>
          new Intl.DateTimeFormat(lang, {
            hour: 'numeric',
            minute: 'numeric',
            second: 'numeric',
          }).format(at),
        [c.lang, now + 120_000] as const,
      );
      const alert = page.getByRole('alert');
      await expect(alert).toContainText(c.rateLimited.replace('{time}', time));
      await expect(alert).toContainText(c.konproSaid);
      await expect(alert.locator('code[dir="ltr"]')).toHaveText('req_e2e_429');
      if (c.lang === 'ar') await expectNoAxeViolations(page);
      await page.screenshot({ path: testInfo.outputPath(`list-failed-${c.lang}.png`) });
    });

    test('a refused delete says so in the dialog', async ({ page, endpoint }, testInfo) => {
      await page.route('**/api/v1/webhook/endpoint.delete*', (route) =>
        route.fulfill(refusal(403, 'INSUFFICIENT_PERMISSIONS')),
      );
      await page.goto(`/?endpoint_id=${endpoint.endpoint_id}`);
      await page.getByRole('button', { name: c.deleteButton }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: c.confirm, exact: true }).click();
      const alert = dialog.getByRole('alert');
      await expect(alert).toContainText(c.refused);
      await expect(alert.locator('code[dir="ltr"]')).toHaveText('req_e2e_403');
      await expect(alert.locator('bdi')).toHaveText('Injected INSUFFICIENT_PERMISSIONS');
      if (c.lang === 'ar') await expectNoAxeViolations(page);
      await page.screenshot({ path: testInfo.outputPath(`delete-refused-${c.lang}.png`) });
    });
  });
}

// The endpoint editor after a save, at 375 px: the summary, the panel of what the server saved
// (its URL breaking only between parts, its date in the language), and the history's sentence
// with a plural of event types. A long URL shows how it wraps on a narrow screen.
const EDITOR_CASES = [
  {
    browser: 'de-CH',
    lang: 'de',
    summary: 'Zu speichernde Änderungen',
    added: 'Hinzugefügte Events: personalized_video',
    save: 'Änderungen speichern',
    saved: 'Was der Server gespeichert hat',
    history: 'Verlauf',
    sentence: 'Jemand (ohne Anmeldung) hat das Event personalized_video hinzugefügt',
  },
  {
    browser: 'ar-EG',
    lang: 'ar',
    summary: 'التغييرات المطلوب حفظها',
    added: 'الأحداث المضافة: personalized_video',
    save: 'حفظ التغييرات',
    saved: 'ما حفظه الخادم',
    history: 'السجل',
    sentence: 'شخص ما (دون تسجيل دخول) أضاف الحدث personalized_video',
  },
];

for (const c of EDITOR_CASES) {
  test.describe(`the endpoint editor in ${c.lang} (browser ${c.browser})`, () => {
    test.use({ locale: c.browser, viewport: { width: 375, height: 800 } });

    test('speaks it after a save: summary, saved panel, history', async ({
      page,
      request,
    }, testInfo) => {
      const url = `https://konpro-hooks-${c.lang}-${testInfo.workerIndex}.example.com/konpro/orders/webhook-receiver`;
      const response = await request.post('/api/v1/webhook/endpoint.add', {
        data: { url, events: ['avatar_video.success'] },
      });
      expect(response.status()).toBe(200);
      const { endpoint_id: id } = (await response.json()) as { endpoint_id: string };
      await page.goto(`/?endpoint_id=${id}`);

      await page.getByRole('checkbox', { name: 'personalized_video' }).check();
      const summary = page.getByRole('region', { name: c.summary });
      await expect(summary).toContainText(c.added);
      await page.getByRole('button', { name: c.save }).click();

      const saved = page.getByRole('region', { name: c.saved });
      await expect(saved).toBeVisible();
      // The URL reads left to right and breaks only after / . ? & (one <wbr> per part).
      const shown = saved.locator('bdi[dir="ltr"]');
      await expect(shown).toHaveText(url);
      await expect(shown.locator('wbr')).toHaveCount(url.split(/[/.?&]/).length - 1);
      const created = await page.evaluate(
        (lang) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(new Date()),
        c.lang,
      );
      await expect(saved.locator('time')).toContainText(created);

      const history = page.getByRole('region', { name: c.history });
      await expect(history.getByRole('listitem').first().locator('p').first()).toHaveText(
        c.sentence,
      );
      if (c.lang === 'ar') await expectNoAxeViolations(page);
      await saved.screenshot({ path: testInfo.outputPath(`saved-panel-${c.lang}.png`) });
      await history.screenshot({ path: testInfo.outputPath(`history-${c.lang}.png`) });
      await page.screenshot({
        path: testInfo.outputPath(`endpoint-editor-${c.lang}.png`),
        fullPage: true,
      });
    });
  });
}

// The endpoint form (URL field, event choice and checklist) in German and Arabic: its labels, the
// counts' plurals, an event type's description, a refusal of the URL rule in the page's language,
// event types and group names left to right, axe in Arabic, and a screenshot at 375 px of each.
const FORM_CASES = [
  {
    browser: 'de-CH',
    lang: 'de',
    urlLabel: 'Endpunkt-URL',
    allEvents: 'Alle Events (auch später hinzukommende Typen)',
    selectedEvents: 'Ausgewählte Events',
    search: 'Events durchsuchen',
    summary: /^2 von \d+ ausgewählt$/,
    group: 'avatar_video 2 von 2 ausgewählt',
    description: 'Ein Avatar-Video ist fertig gerendert und bereit.',
    selectAll: 'Alle avatar_video-Events auswählen',
    httpsOnly: 'Die URL muss mit https:// beginnen',
  },
  {
    browser: 'ar-EG',
    lang: 'ar',
    urlLabel: 'عنوان URL لنقطة النهاية',
    allEvents: 'كل الأحداث (بما فيها الأنواع التي تُضاف لاحقًا)',
    selectedEvents: 'أحداث محددة',
    search: 'البحث في الأحداث',
    summary: /^تم تحديد 2 من \d+$/,
    group: 'avatar_video تم تحديد 2 من 2',
    description: 'اكتملت معالجة فيديو أفاتار وأصبح جاهزًا.',
    selectAll: 'تحديد كل أحداث avatar_video',
    httpsOnly: 'يجب أن يبدأ عنوان URL بـ \u2066https://\u2069',
  },
];

for (const c of FORM_CASES) {
  test.describe(`the endpoint form in ${c.lang} (browser ${c.browser})`, () => {
    test.use({ locale: c.browser, viewport: { width: 375, height: 800 } });

    test('speaks it: fields, plurals, descriptions and the URL rule', async ({
      page,
      endpoint,
    }, testInfo) => {
      await page.goto(`/?endpoint_id=${endpoint.endpoint_id}`);
      const url = page.getByRole('textbox', { name: c.urlLabel });
      await expect(url).toHaveValue(endpoint.url);
      await expect(url).toHaveAttribute('dir', 'ltr');
      await expect(page.getByRole('radio', { name: c.allEvents })).not.toBeChecked();
      await expect(page.getByRole('radio', { name: c.selectedEvents })).toBeChecked();
      await expect(page.getByRole('searchbox', { name: c.search })).toBeVisible();
      await expect(page.getByRole('group', { name: c.summary })).toBeVisible();
      await expect(page.getByRole('button', { name: c.group })).toHaveAttribute(
        'aria-expanded',
        'true',
      );
      // Each box is still named exactly by its event type, which reads left to right.
      const box = page.getByRole('checkbox', { name: 'avatar_video.success', exact: true });
      await expect(box).toBeChecked();
      await expect(box).toHaveAccessibleDescription(c.description);
      await expect(page.locator('.kwe-event-name[dir="ltr"]').first()).toBeVisible();
      await expect(page.getByRole('checkbox', { name: c.selectAll })).toBeChecked();

      await url.fill('http://not-https.example.com/hooks');
      await url.press('Enter');
      await expect(page.getByRole('alert').filter({ hasText: c.httpsOnly })).toHaveText(
        c.httpsOnly,
      );
      if (c.lang === 'ar') await expectNoAxeViolations(page);
      await page.screenshot({
        path: testInfo.outputPath(`endpoint-form-${c.lang}.png`),
        fullPage: true,
      });
    });
  });
}

// At 375 px the add form, whose Test event lists every event type, stays within the screen in a
// long language and a right-to-left one.
for (const browser of ['de-CH', 'ar-EG']) {
  test.describe(`the add form at 375 px (browser ${browser})`, () => {
    test.use({ locale: browser, viewport: { width: 375, height: 800 } });

    test('fits the screen: nothing scrolls sideways', async ({ page }) => {
      await page.goto('/?new');
      await expect(page.locator('.kwe-url-check-bar select')).toBeVisible();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(375);
    });
  });
}

// From the first paint on, an admin whose browser asks for German reads German: the page's shell
// (sent in the language Accept-Language asks for) and React's first render (which waits for the
// catalogue the shell preloads) never show the English words they replace.
const ENGLISH = [
  'Loading',
  'webhook endpoints',
  'Webhook endpoints',
  'Search endpoints',
  'Add endpoint',
  'Endpoint URL',
  'Save changes',
];
for (const path of ['/', '/?endpoint_id=']) {
  test.describe(`the ${path === '/' ? 'list' : 'deep link'} in German from the first paint`, () => {
    test.use({ locale: 'de-DE' });

    /** Opens the page and waits for it to read in German. */
    async function openInGerman(page: Page, endpointId: string) {
      const response = await page.goto(path === '/' ? '/' : `${path}${endpointId}`);
      await expect(page.locator('html')).toHaveAttribute('lang', 'de');
      await expect(
        path === '/'
          ? page.getByRole('heading', { name: 'Webhook-Endpunkte' })
          : page.getByLabel('Endpunkt-URL'),
      ).toBeVisible();
      return response;
    }

    test('shows no English on the way', async ({ page, endpoint }) => {
      await page.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { seen: string[] }).seen = seen;
        new MutationObserver(() => {
          seen.push(`${document.title} | ${document.documentElement.innerText}`);
        }).observe(document, { subtree: true, childList: true, characterData: true });
      });
      const response = await openInGerman(page, endpoint.endpoint_id);
      expect(response?.headers()['content-language']).toBe('de');
      const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.filter((text) => ENGLISH.some((word) => text.includes(word)))).toEqual([]);
    });

    test('asks for its catalogues and what loads them while the page is read', async ({
      page,
      endpoint,
    }) => {
      await openInGerman(page, endpoint.endpoint_id);
      // Named by the page itself (modulepreload), not found by the entry once it has run: a
      // German admin waits for no round trip more than an English one.
      const late = await page.evaluate(() => {
        const [navigation] = performance.getEntriesByType(
          'navigation',
        ) as PerformanceNavigationTiming[];
        return performance
          .getEntriesByType('resource')
          .filter((entry) =>
            /\/assets\/(?:load-messages|locale-de-\w+)-[\w-]+\.js$/.test(entry.name),
          )
          .map((entry) => [
            new URL(entry.name).pathname,
            entry.startTime,
            navigation?.domInteractive,
          ]);
      });
      expect(late.length).toBe(path === '/' ? 2 : 4);
      expect(late.filter(([, start, interactive]) => Number(start) >= Number(interactive))).toEqual(
        [],
      );
    });
  });
}
