// `konpro/no-raw-text`: text the admin reads must come from a message catalogue (Lingui's `t`,
// `msg`, `plural`), never be written in the code. Reports, in the files it is turned on for:
//   - JSX text with a letter in it: <h2>Add endpoint</h2>
//   - a string in a JSX child expression: {busy ? 'Creating…' : 'Create'}
//   - a string given to a user-facing attribute or prop: aria-label="…", title="…", label="…"
//   - a string given to a function that puts text on screen: usePageTitle('…')
//   - a string a plain module hands to the screen as a user-facing field: { advice: '…' }
// Strings without a letter (`·`, `→`, `#`) are not words and pass.
const LETTER = /\p{L}/u;
// Lingui's JSX macros: what is inside them is the message itself.
const MESSAGE_ELEMENTS = new Set(['Trans', 'Plural', 'Select', 'SelectOrdinal']);

function insideMessage(node) {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (parent.type === 'JSXElement' && MESSAGE_ELEMENTS.has(parent.openingElement.name.name)) {
      return true;
    }
  }
  return false;
}

/** The expression a string literal stands for, through `a ? 'x' : 'y'` and `a && 'x'`. */
function outermost(node) {
  let current = node;
  while (
    current.parent &&
    (current.parent.type === 'ConditionalExpression' ||
      current.parent.type === 'LogicalExpression') &&
    current.parent.test !== current
  ) {
    current = current.parent;
  }
  return current;
}

const textOf = (node) =>
  node.type === 'TemplateLiteral'
    ? node.quasis.map((quasi) => quasi.value.cooked).join('')
    : node.value;

export const noRawText = {
  meta: {
    type: 'problem',
    docs: { description: 'Text on screen comes from a message catalogue' },
    schema: [
      {
        type: 'object',
        properties: {
          attributes: { type: 'array', items: { type: 'string' } },
          functions: { type: 'array', items: { type: 'string' } },
          properties: { type: 'array', items: { type: 'string' } },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      text: 'Text on screen must come from the catalogue: wrap it in t`…` (useLingui from @lingui/react/macro).',
      attribute:
        'The {{name}} text must come from the catalogue: pass t`…` (useLingui from @lingui/react/macro).',
      call: 'Text given to {{name}}() must come from the catalogue: pass t`…`.',
      property:
        'The {{name}} text must come from the catalogue: give msg`…` (@lingui/core/macro) and render it with the mount’s i18n.',
    },
  },
  create(context) {
    const { attributes = [], functions = [], properties = [] } = context.options[0] ?? {};
    const userFacing = new Set(attributes);
    const onScreen = new Set(functions);
    const shown = new Set(properties);

    const check = (node) => {
      if (typeof textOf(node) !== 'string' || !LETTER.test(textOf(node))) return;
      if (insideMessage(node)) return;
      if (node.type === 'Literal' && typeof node.value !== 'string') return;
      const holder = outermost(node).parent;
      if (holder?.type === 'JSXExpressionContainer') {
        const owner = holder.parent;
        if (owner?.type === 'JSXElement' || owner?.type === 'JSXFragment') {
          context.report({ node, messageId: 'text' });
        } else if (owner?.type === 'JSXAttribute' && userFacing.has(owner.name.name)) {
          context.report({ node, messageId: 'attribute', data: { name: owner.name.name } });
        }
        return;
      }
      if (holder?.type === 'JSXAttribute' && userFacing.has(holder.name.name)) {
        context.report({ node, messageId: 'attribute', data: { name: holder.name.name } });
        return;
      }
      if (
        holder?.type === 'Property' &&
        holder.value === outermost(node) &&
        !holder.computed &&
        shown.has(holder.key.type === 'Identifier' ? holder.key.name : holder.key.value)
      ) {
        const name = holder.key.type === 'Identifier' ? holder.key.name : holder.key.value;
        context.report({ node, messageId: 'property', data: { name } });
        return;
      }
      if (holder?.type === 'CallExpression' && holder.callee.type === 'Identifier') {
        if (onScreen.has(holder.callee.name) && holder.arguments.includes(outermost(node))) {
          context.report({ node, messageId: 'call', data: { name: holder.callee.name } });
        }
      }
    };

    return {
      JSXText(node) {
        if (LETTER.test(node.value) && !insideMessage(node)) {
          context.report({ node, messageId: 'text' });
        }
      },
      Literal: check,
      TemplateLiteral(node) {
        // t`…` and msg`…` are the catalogue's own: their text is a message, not raw text.
        if (node.parent?.type !== 'TaggedTemplateExpression') check(node);
      },
    };
  },
};

export default { rules: { 'no-raw-text': noRawText } };
