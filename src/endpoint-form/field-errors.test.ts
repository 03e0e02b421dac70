import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_URL_LENGTH } from '../../contract/schemas';
import { checkWebhookUrl } from '../../contract/webhook-url';
import { englishI18n, i18nIn } from '../test/i18n';
import { NO_EVENTS_MESSAGE, fieldErrorMessage, isKnownFieldError } from './field-errors';
import { endpointFormSchema } from './form-values';

/** An input for each refusal of the URL rule. */
const REFUSED = [
  '',
  'https://example.com\\hook',
  'https://example.com/\u202ehook',
  'https://exa\u200bmple.com/hook',
  'example.com/hook',
  'https://example.com/a hook',
  `https://example.com/${'a'.repeat(MAX_URL_LENGTH)}`,
  'https://exa mple.com',
  'http://example.com/hook',
  'https://user:pw@example.com/hook',
  'https://example.com/hook#top',
  'https://localhost/hook',
  'https://intranet/hook',
  'https://[::1/hook',
];

const reasons = REFUSED.map((input) => {
  const check = checkWebhookUrl(input);
  if (check.ok) throw new Error(`${input} was admitted`);
  return check.reason;
});

// Every English sentence the rule can say, read from its source: a new refusal fails here until
// the form has a message for it.
const source = readFileSync(join(import.meta.dirname, '../../contract/webhook-url.ts'), 'utf8');
const written = [...source.matchAll(/reason: (['`])(.*?)\1/g)].map(([, , text = '']) =>
  text.replace('${MAX_URL_LENGTH}', String(MAX_URL_LENGTH)).replace('\\\\', '\\'),
);

describe('the form speaks the URL rule in the editor language', () => {
  it('knows every refusal the rule says', () => {
    expect(written.length).toBeGreaterThan(10);
    for (const reason of [...written, ...reasons]) {
      expect(isKnownFieldError(reason), reason).toBe(true);
    }
  });

  it('keeps the rule’s English word for word', () => {
    const en = englishI18n();
    for (const reason of [...reasons, NO_EVENTS_MESSAGE]) {
      expect(fieldErrorMessage(en, reason)).toBe(reason);
    }
  });

  it('says each refusal in German, Japanese and Arabic', async () => {
    for (const locale of ['de', 'ja', 'ar'] as const) {
      const i18n = await i18nIn(locale);
      const said = new Set(reasons.map((reason) => fieldErrorMessage(i18n, reason)));
      for (const reason of reasons) expect(said.has(reason), `${locale}: ${reason}`).toBe(false);
      expect(said.size).toBe(new Set(reasons).size);
    }
    const de = await i18nIn('de');
    expect(fieldErrorMessage(de, 'The URL must start with https://')).toBe(
      'Die URL muss mit https:// beginnen',
    );
    expect(fieldErrorMessage(de, `The URL must be at most ${MAX_URL_LENGTH} characters`)).toBe(
      `Die URL darf höchstens ${MAX_URL_LENGTH} Zeichen lang sein`,
    );
    expect(fieldErrorMessage(de, NO_EVENTS_MESSAGE)).toBe(
      'Kreuzen Sie mindestens ein Event an oder wählen Sie „Alle Events“.',
    );
  });

  it('shows a refusal in the server’s own words as it came', async () => {
    expect(fieldErrorMessage(await i18nIn('de'), 'URL must use HTTPS')).toBe('URL must use HTTPS');
  });

  it('the schema’s messages are the keys the fields look up', () => {
    const result = endpointFormSchema().safeParse({
      url: 'http://example.com',
      eventsMode: 'selected',
      events: [],
    });
    expect(result.success).toBe(false);
    for (const issue of result.error?.issues ?? []) {
      expect(isKnownFieldError(issue.message), issue.message).toBe(true);
    }
  });
});
