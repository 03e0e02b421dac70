// Scripts that run inside the page (Playwright init scripts), so every time is taken by the page's
// own clock, performance.now(), whose zero is the start of the navigation. Each function is sent
// to the browser as source text: it must not use anything from this module's scope.

/**
 * Records `window.__benchReady = performance.now()` the moment the page shows what it is waiting
 * for: either an input labelled `label` holding `value`, or `text` anywhere in the body. A
 * MutationObserver sees inserted nodes at once; a frame loop catches values set as properties
 * (which no mutation reports).
 */
export function watchReady({ label, value, text }) {
  const isReady = () => {
    if (text !== undefined) return document.body?.textContent.includes(text) ?? false;
    for (const element of document.getElementsByTagName('label')) {
      if (element.textContent.trim() === label) return element.control?.value === value;
    }
    return false;
  };
  const observer = new MutationObserver(() => check());
  function check() {
    if (window.__benchReady !== undefined) return;
    if (isReady()) {
      window.__benchReady = performance.now();
      observer.disconnect();
    }
  }
  observer.observe(document, { childList: true, subtree: true, characterData: true });
  const frame = () => {
    check();
    if (window.__benchReady === undefined) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/**
 * Records the click on the button named `button` (its event time, i.e. when the browser got the
 * press) and the moment a region named `region` is added to the page after it, as
 * `window.__benchSave = { clickAt, shownAt }`.
 */
export function watchSave({ button, region }) {
  const nameOf = (element) => {
    const label = element.getAttribute('aria-label');
    if (label) return label.trim();
    const ids = element.getAttribute('aria-labelledby')?.split(/\s+/) ?? [];
    return ids
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ')
      .trim();
  };
  const regionShown = () =>
    [...document.querySelectorAll('section, [role="region"]')].some((el) => nameOf(el) === region);
  window.addEventListener(
    'click',
    (event) => {
      const pressed = event.target instanceof Element ? event.target.closest('button') : null;
      if (pressed?.textContent.trim() === button) {
        window.__benchSave = { clickAt: event.timeStamp, shownAt: undefined };
      }
    },
    true,
  );
  new MutationObserver(() => {
    const save = window.__benchSave;
    if (save && save.shownAt === undefined && regionShown()) save.shownAt = performance.now();
  }).observe(document, { childList: true, subtree: true });
}

/** Collects Event Timing entries (16 ms and up, the API's floor) and the first input. */
export function watchEventTiming() {
  const entries = [];
  window.__benchEvents = entries;
  const keep = (list) => {
    for (const entry of list.getEntries()) {
      entries.push({
        type: entry.entryType,
        name: entry.name,
        startTime: entry.startTime,
        duration: entry.duration,
        inputDelay: entry.processingStart - entry.startTime,
        processing: entry.processingEnd - entry.processingStart,
        interactionId: entry.interactionId ?? 0,
      });
    }
  };
  new PerformanceObserver(keep).observe({ type: 'event', durationThreshold: 16, buffered: true });
  new PerformanceObserver(keep).observe({ type: 'first-input', buffered: true });
}
