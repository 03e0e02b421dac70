import { test as base, expect } from '@playwright/test';
import type { Endpoint } from '../contract/schemas';

type Fixtures = {
  /** A fresh endpoint of the emulator's default user, so tests running in parallel never collide. */
  endpoint: Endpoint;
};

let counter = 0;

export const test = base.extend<Fixtures>({
  endpoint: async ({ request }, use, testInfo) => {
    counter += 1;
    const url = `https://e2e-${testInfo.workerIndex}-${counter}.example.com/hooks`;
    const response = await request.post('/api/v1/webhook/endpoint.add', {
      data: { url, events: ['avatar_video.success', 'avatar_video.fail'] },
    });
    expect(response.status()).toBe(200);
    await use((await response.json()) as Endpoint);
  },
});

export { expect };
