// vitest's asymmetric matchers are typed `any`; these wrappers keep the strict lint rules useful
// in tests without a cast at every use.
import { expect } from 'vitest';

export const anyString = (): unknown => expect.any(String);
export const matching = (pattern: RegExp): unknown => expect.stringMatching(pattern);
export const containing = (text: string): unknown => expect.stringContaining(text);
export const listContaining = (items: unknown[]): unknown => expect.arrayContaining(items);
export const objectContaining = (object: Record<string, unknown>): unknown =>
  expect.objectContaining(object);
