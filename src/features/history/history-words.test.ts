import { describe, expect, it } from 'vitest';
import { englishI18n, i18nIn } from '../../test/i18n';
import { whenText, who } from './history-words';

const en = englishI18n();

const NOW = Date.parse('2026-12-07T12:00:00Z');
const absolute = (iso: string) =>
  new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

describe('when an entry happened', () => {
  it.each([
    ['2026-12-07T11:59:30Z', 'now'],
    ['2026-12-07T11:15:00Z', '45 minutes ago'],
    ['2026-12-07T09:00:00Z', '3 hours ago'],
    ['2026-12-06T09:00:00Z', 'yesterday'],
    ['2026-12-01T12:00:01Z', '5 days ago'],
  ])('says %s as "%s", then the date and time', (at, relative) => {
    expect(whenText(at, NOW, en)).toBe(`${relative} (${absolute(at)})`);
  });

  it('gives only the date and time from a week back', () => {
    expect(whenText('2026-11-30T12:00:00Z', NOW, en)).toBe(absolute('2026-11-30T12:00:00Z'));
  });

  it('says "now" for a server clock a little ahead of the reader’s', () => {
    expect(whenText('2026-12-07T12:02:00Z', NOW, en)).toMatch(/^now \(/);
  });

  it('follows the mount’s language, with its brackets', async () => {
    expect(whenText('2026-12-07T09:00:00Z', NOW, await i18nIn('de'))).toMatch(/^vor 3 Stunden \(/);
    expect(whenText('2026-12-07T09:00:00Z', NOW, await i18nIn('ja'))).toMatch(/^3 時間前（.+）$/);
  });

  it('gives nothing for a value that is not a date, so the page shows it as it came', () => {
    expect(whenText('last tuesday', NOW, en)).toBeNull();
  });
});

describe('who made a change', () => {
  it('names the admin, or says there was no sign-in', () => {
    expect(who(en, 'ana@example.com')).toBe('ana@example.com');
    expect(who(en, 'local')).toBe('Someone (no sign-in)');
  });
});
