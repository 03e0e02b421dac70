// The guard that keeps text on screen in the catalogues (eslint/no-raw-text.js, turned on in
// eslint.config.js for the translated folders): what it reports and what it lets pass.
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { noRawText } from '../../eslint/no-raw-text.js';

function problems(code: string): string[] {
  const linter = new Linter();
  return linter
    .verify(code, [
      {
        languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
        plugins: { konpro: { rules: { 'no-raw-text': noRawText } } },
        rules: {
          'konpro/no-raw-text': [
            'error',
            {
              attributes: ['aria-label', 'title', 'label'],
              functions: ['usePageTitle'],
              properties: ['title', 'advice'],
            },
          ],
        },
      },
    ])
    .map((message) => `${message.ruleId ?? 'parse'}: ${message.message}`);
}

describe('konpro/no-raw-text', () => {
  it.each([
    ['JSX text', '<h2>Add endpoint</h2>'],
    ['a string child', "<p>{busy ? 'Creating…' : t`Create`}</p>"],
    ['a string after &&', "<p>{gone && 'Deleted'}</p>"],
    ['a user-facing attribute', '<button aria-label="Close" />'],
    ['a prop the admin reads', '<LoadError title={`Could not load`} />'],
    ['a label in an expression', "<Status label={busy ? 'Loading…' : t`Done`} />"],
  ])('reports %s', (_what, jsx) => {
    expect(problems(`const view = ${jsx};`)).toEqual([
      expect.stringMatching(/^konpro\/no-raw-text: .*catalogue/),
    ]);
  });

  it('reports text given to a function that puts it on screen', () => {
    expect(problems("usePageTitle('Add endpoint');")).toHaveLength(1);
  });

  it.each([
    ['a title a module returns', "return { title: 'Too many requests' };"],
    ['advice chosen in a module', "const failure = { advice: online ? `Try again.` : 'Wait.' };"],
  ])('reports %s', (_what, code) => {
    expect(problems(`function f() { ${code} }`)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^konpro\/no-raw-text: The \w+ text .*catalogue/),
      ]),
    );
  });

  it.each([
    ['a message descriptor', 'return { title: msg`Too many requests`, code: "RATE_LIMITED" };'],
    ['a field that is not text on screen', "return { kind: 'http', message: 'HTTP 500' };"],
  ])('lets a module give %s', (_what, code) => {
    expect(problems(`function f() { ${code} }`)).toEqual([]);
  });

  it.each([
    ['catalogue text', '<h2>{t`Add endpoint`}</h2>'],
    ['a message with markup', '<p><Trans>Checking <bdi>{url}</bdi>…</Trans></p>'],
    ['a class name', '<div className="kwe-editor" />'],
    ['a button type and ids', '<button type="button" id={`${id}-title`} data-cancel="" />'],
    ['text without letters', '<p>{" · "} → #</p>'],
    ['a value, not text', '<Status label={message} />'],
  ])('lets %s pass', (_what, jsx) => {
    expect(problems(`const view = ${jsx};`)).toEqual([]);
  });
});
