import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: 320, height: 700 } });
await page.goto('http://127.0.0.1:4400/?endpoint_id=ep_demo_video_status');
await page.getByLabel('Endpoint URL').waitFor();
await page.screenshot({ path: '/tmp/shots/n1.png' });
const wide = await page.evaluate(() => [...document.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > 320).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 10));
console.log(wide);
await browser.close();
