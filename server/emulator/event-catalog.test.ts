import { describe, expect, it } from 'vitest';
import { SAMPLE_EVENT_TYPES, sampleDelivery } from '../../contract/event-samples';
import { EVENT_CATALOG } from './event-catalog';

describe('the event catalog and the test deliveries', () => {
  it('has a sample delivery for every event type, and none for a type it lacks', () => {
    const missing = EVENT_CATALOG.filter((type) => sampleDelivery(type) === undefined);
    expect(missing).toEqual([]);
    expect([...SAMPLE_EVENT_TYPES].sort()).toEqual([...EVENT_CATALOG].sort());
  });

  it('marks each as a test of that type, with data a receiver can parse', () => {
    for (const type of EVENT_CATALOG) {
      const delivery = sampleDelivery(type);
      expect(delivery).toMatchObject({ event_type: type, test: true });
      expect(Object.keys(delivery?.event_data ?? {}).length).toBeGreaterThan(0);
      expect(JSON.parse(JSON.stringify(delivery))).toEqual(delivery);
    }
  });

  it('knows no sample for a name outside the catalog, inherited ones included', () => {
    expect(sampleDelivery('video.deleted')).toBeUndefined();
    expect(sampleDelivery('toString')).toBeUndefined();
    expect(sampleDelivery('__proto__')).toBeUndefined();
  });
});
