import { afterEach, expect, it, vi } from 'vitest';

const Original = Intl.DateTimeFormat;
afterEach(() => {
  Intl.DateTimeFormat = Original;
});

// The page's first date formatter costs tens of ms (locale data): a deep link to an endpoint draws
// no list, so loading the list's module must not pay for it.
it('makes no date formatter when the list module loads', async () => {
  const made: unknown[] = [];
  Intl.DateTimeFormat = new Proxy(Original, {
    construct(target, args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
      made.push(args[1]);
      return Reflect.construct(target, args);
    },
  });
  vi.resetModules();
  await import('./endpoint-list');
  expect(made).toEqual([]);
});
