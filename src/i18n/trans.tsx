// <Trans> as the macro compiles it (lingui.config.ts, runtimeConfigModule): a message with markup,
// `<0>…</0>` and `<1/>`, rendered with the elements the macro put in `components`, and values
// that are elements (`{<code>…</code>}`) placed as markup of their own. It renders what
// @lingui/react's Trans renders (trans.test.tsx holds the two together on every shipped message;
// only a text value with markup in it differs, which stays text here),
// without that Trans's `render`, `component` and warnings, which no caller uses: 0.9 kB brotli
// less in the editor's chunk.
import { type ReactElement, type ReactNode, cloneElement } from 'react';
import { useLingui } from './lingui-react';

/** What the macro gives Trans: the message's id, its values and the elements of its markup. */
export type TransProps = {
  id: string;
  message?: string | undefined;
  values?: Record<string, unknown> | undefined;
  components?: Record<string, ReactElement<{ children?: ReactNode }>> | undefined;
};

// `<0>…</0>` (the same name closes it) or `<0/>`, as Lingui's formatElements reads markup.
const TAG = /<([a-zA-Z0-9]+)>([\s\S]*?)<\/\1>|<([a-zA-Z0-9]+)\/>/;

/** `text` with each tag replaced by its element, the tag's content as the element's children. */
export function formatElements(
  text: string,
  elements: Record<string, ReactElement<{ children?: ReactNode }>>,
): ReactNode {
  // split() with the three groups gives: text, then per tag [paired, content, unpaired, text].
  const parts = text.split(TAG);
  if (parts.length === 1) return text;
  const tree: ReactNode[] = [];
  if (parts[0]) tree.push(parts[0]);
  for (let at = 1; at < parts.length; at += 4) {
    const [paired, content, unpaired, after] = parts.slice(at, at + 4);
    const element: ReactElement<{ children?: ReactNode }> = elements[
      (paired ?? unpaired) as string
    ] ?? <></>;
    tree.push(
      cloneElement(
        element,
        { key: at },
        content ? formatElements(content, elements) : element.props.children,
      ),
    );
    if (after) tree.push(after);
  }
  return tree.length === 1 ? tree[0] : tree;
}

export function Trans({ id, message, values, components }: TransProps) {
  const { i18n } = useLingui();
  const texts: Record<string, unknown> = { ...values };
  const elements = { ...components };
  // A value that is not text or a number is an element: it goes in as markup of its own. So does
  // text that holds a `<` (a colleague's name, say), which Lingui's Trans would read as the
  // message's own tags: here it stays text.
  for (const [name, value] of Object.entries(texts)) {
    if (typeof value === 'number' || (typeof value === 'string' && !value.includes('<'))) continue;
    const index = Object.keys(elements).length;
    elements[index] = <>{value as ReactNode}</>;
    texts[name] = `<${index}/>`;
  }
  const translation = i18n._(id, texts, { message });
  return translation ? formatElements(translation, elements) : null;
}
