import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n/lingui-react';
import { formatDateTime } from '../../i18n/editor-formats';
import { englishI18n, i18nIn } from '../../test/i18n';
import { makeEndpoint } from '../../test/fixtures';
import { SavedPanel } from './saved-panel';

const URL = 'https://hooks.example.com/konpro/orders?tenant=acme&v=2';

describe('the panel of what the server saved', () => {
  it('lets the URL break only after / . ? and &, never inside a word', () => {
    render(
      <I18nProvider i18n={englishI18n()}>
        <SavedPanel endpoint={makeEndpoint({ url: URL })} secret={null} catalog={null} />
      </I18nProvider>,
    );
    const url = screen.getByText(
      (_, element) => element?.getAttribute('dir') === 'ltr' && element.tagName === 'BDI',
    );
    expect(url).toHaveTextContent(URL);
    // Each line-break opportunity follows a separator; the text between them is whole.
    const parts = url.innerHTML.split('<wbr>');
    expect(parts).toEqual([
      'https:/',
      '/',
      'hooks.',
      'example.',
      'com/',
      'konpro/',
      'orders?',
      'tenant=acme&amp;',
      'v=2',
    ]);
  });

  it('speaks German, with the date in German and the URL left to right', async () => {
    render(
      <I18nProvider i18n={await i18nIn('de')}>
        <SavedPanel endpoint={makeEndpoint({ events: [] })} secret={null} catalog={null} />
      </I18nProvider>,
    );
    expect(screen.getByRole('heading', { name: 'Was der Server gespeichert hat' })).toBeVisible();
    expect(screen.getByText('Alle Events')).toBeVisible();
    expect(screen.getByText('Nicht zurückgegeben')).toBeVisible();
    const created = formatDateTime('de', Date.parse('2024-01-15T10:30:00Z'));
    expect(screen.getByText(created)).toHaveAttribute('dateTime', '2024-01-15T10:30:00Z');
    expect(screen.getByText('https://hooks.example.com/konpro')).toHaveAttribute('dir', 'ltr');
  });
});
