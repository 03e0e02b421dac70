import type { Rule } from 'eslint';

export const noRawText: Rule.RuleModule;
declare const plugin: { rules: Record<string, Rule.RuleModule> };
export default plugin;
