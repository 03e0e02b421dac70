// Turns one input run's Event Timing entries into figures. Entries under 16 ms are not reported by
// the browser, so an interaction without an entry counts as "under 16 ms" (stored as 0).
import { percentile } from './stats.mjs';

export const REPORT_FLOOR_MS = 16;

function slowest(entries) {
  return entries.reduce(
    (worst, entry) => (entry.duration > (worst?.duration ?? -1) ? entry : worst),
    null,
  );
}

/** The longest entry per interaction, padded with zeros up to the interactions performed. */
function interactionDurations({ entries, interactions }) {
  const longest = new Map();
  for (const entry of entries) {
    if (entry.interactionId > 0) {
      longest.set(
        entry.interactionId,
        Math.max(longest.get(entry.interactionId) ?? 0, entry.duration),
      );
    }
  }
  const durations = [...longest.values()];
  while (durations.length < interactions) durations.push(0);
  return durations;
}

/** What the slowest entry's time went on: waiting, event handlers in its frame, and the rest. */
function describe(worst, entries) {
  if (worst === null) return null;
  const end = worst.startTime + worst.duration;
  const handlers = entries
    .filter((e) => e.type === 'event' && e.startTime >= worst.startTime)
    .filter((e) => e.startTime + e.inputDelay < end)
    .reduce((total, e) => total + e.processing, 0);
  return {
    name: worst.name,
    duration: worst.duration,
    inputDelay: worst.inputDelay,
    handlers,
    rest: Math.max(0, worst.duration - worst.inputDelay - handlers),
  };
}

export function summariseInputRun(run) {
  const all = [...run.typing.entries, ...run.ticking.entries];
  const worst = slowest(all);
  const durations = [...interactionDurations(run.typing), ...interactionDurations(run.ticking)];
  return {
    max: worst?.duration ?? 0,
    worst: describe(worst, all),
    p95: percentile(durations, 95),
    typingMax: slowest(run.typing.entries)?.duration ?? 0,
    tickingMax: slowest(run.ticking.entries)?.duration ?? 0,
    interactions: durations.length,
  };
}
