// <Trans> as the macro compiles it (lingui.config.ts, runtimeConfigModule): @lingui/react's own
// rendering of a message with markup, given the instance from our provider (./lingui-react.tsx).
// @lingui/react/server is the entry that exports it without the provider beside it.
import { TransNoContext as RenderTrans, type TransProps } from '@lingui/react/server';
import { useLingui } from './lingui-react';

export function Trans(props: TransProps) {
  const { i18n } = useLingui();
  return <RenderTrans {...props} lingui={{ i18n }} />;
}
