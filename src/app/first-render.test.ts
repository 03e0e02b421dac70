// The standalone page's first render: the list at once; an endpoint's link once the editor's code
// has come, so the page renders the editor straight away instead of a loading view first.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWhenReady } from './first-render';

afterEach(() => vi.useRealTimers());

/** A promise the test settles by hand. */
function held() {
  let settle = () => {};
  const promise = new Promise<void>((resolve) => (settle = resolve));
  return { promise, settle };
}

describe('when the standalone page first renders', () => {
  it('renders the list at once', () => {
    const render = vi.fn();
    renderWhenReady(null, render);
    expect(render).toHaveBeenCalledTimes(1);
  });

  it("waits for the editor's code on an endpoint's link, then renders once", async () => {
    const code = held();
    const render = vi.fn();
    renderWhenReady(code.promise, render);
    await Promise.resolve();
    expect(render).not.toHaveBeenCalled();
    code.settle();
    await vi.waitFor(() => expect(render).toHaveBeenCalledTimes(1));
  });

  it('renders the loading view when the code takes longer than the wait, and only once', async () => {
    vi.useFakeTimers();
    const code = held();
    const render = vi.fn();
    renderWhenReady(code.promise, render, 1500);
    await vi.advanceTimersByTimeAsync(1499);
    expect(render).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(render).toHaveBeenCalledTimes(1);
    code.settle();
    await vi.advanceTimersByTimeAsync(0);
    expect(render).toHaveBeenCalledTimes(1);
  });
});
