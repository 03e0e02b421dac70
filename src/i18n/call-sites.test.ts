// A build's call sites (vite.lingui.ts): the macro's own calls pass a message's number and values
// alone, `_t(7, { n })` instead of `_t({ id: 7, values: { n } })`, and the runtime reads both.
import { transformAsync } from '@babel/core';
import linguiMacro from '@lingui/babel-plugin-lingui-macro';
import { generateMessageId } from '@lingui/message-utils/generateMessageId';
import { describe, expect, it } from 'vitest';
import { type AreaIds, shortIds } from '../../vite.lingui';
import { setupI18n } from './runtime';

describe('a build’s call sites', () => {
  const build = async (code: string, building: boolean) => {
    const ids = ['Hello', 'Hi {n}', 'Bye'].map((text) => generateMessageId(text));
    const area: AreaIds = { base: 0, ids, numbers: new Map(ids.map((id, index) => [id, index])) };
    const result = await transformAsync(code, {
      filename: '/x/src/app/a.tsx',
      babelrc: false,
      configFile: false,
      parserOpts: { plugins: ['jsx', 'typescript'] },
      plugins: [
        [linguiMacro, { stripMessageField: false }],
        shortIds(area, '/x/src/app/a.tsx', building),
      ],
    });
    return (result?.code ?? '').replace(/\/\*i18n\*\/|\s+/g, '');
  };
  const source = `import { useLingui } from '@lingui/react/macro'; import { msg } from '@lingui/core/macro';
    const say = (d: unknown) => d;
    export function A({ n }: { n: number }) {
      const { t } = useLingui();
      return [t\`Hello\`, t\`Hi \${n}\`, say(msg\`Bye\`)];
    }`;

  it('give the macro’s message function the number and values alone', async () => {
    const code = await build(source, true);
    expect(code).toContain('_t(0)');
    expect(code).toContain('_t(1,{n:n})');
    // A descriptor handed to another function stays one.
    expect(code).toContain('say({id:2})');
  });

  it('keep descriptors with their text while developing, for the runtime’s warning', async () => {
    const code = await build(source, false);
    expect(code).toContain('_t({id:0,message:"Hello"})');
  });

  it('are read by the runtime as the descriptors were', () => {
    const i18n = setupI18n();
    i18n.load('en', { 0: ['Hello'], 1: ['Hi ', ['n']] });
    i18n.activate('en');
    expect(i18n._(1 as never, { n: 3 })).toBe(i18n._({ id: 1 as never, values: { n: 3 } }));
    expect(i18n._(0 as never)).toBe('Hello');
  });
});
