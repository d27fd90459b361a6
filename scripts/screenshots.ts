// `npx tsx scripts/screenshots.ts`: phone screenshots (390×844) of the home, the policy list, the
// self-check and the staff home, in Korean and English, into docs/screenshots/. It runs the demo
// server the browser journeys run (tests/e2e/server.ts), with the real fixture policies imported,
// and Debian Chromium. Run `npm run build:web` first.
import fs from 'node:fs';
import path from 'node:path';
import { logIn } from '../tests/e2e/accounts.ts';
import { launchBrowser, PHONE, settle } from '../tests/e2e/browser.ts';
import { demoAccount, importPoliciesAsStaff, startServer } from '../tests/e2e/server.ts';
import { youthPolicyRecords } from '../tests/fixtures/youth-policies.ts';

const OUT = path.resolve(import.meta.dirname, '../docs/screenshots');
const PAGES = [
  { name: 'home', path: '/' },
  { name: 'policy-list', path: '/youth/policies' },
  { name: 'self-check', path: '/youth/check' },
  { name: 'staff-home', path: '/staff', staff: true },
] as const;

const server = await startServer();
const browser = await launchBrowser();
try {
  const imported = await importPoliciesAsStaff(server, youthPolicyRecords());
  if (!imported.ok) throw new Error(`import failed: ${imported.status} ${await imported.text()}`);
  fs.mkdirSync(OUT, { recursive: true });
  for (const locale of ['ko', 'en'] as const) {
    for (const signedIn of [false, true]) {
      const context = await browser.newContext({
        ...PHONE,
        baseURL: server.url,
        locale: locale === 'ko' ? 'ko-KR' : 'en-US',
        extraHTTPHeaders: { 'accept-language': locale },
      });
      const page = await context.newPage();
      if (signedIn) {
        const staff = demoAccount(server, 'staff@demo.hamkke.kr');
        await logIn(page, staff.email, staff.password);
        await page.waitForURL(`${server.url}/`);
      }
      for (const p of PAGES) {
        if (('staff' in p && p.staff) !== signedIn) continue;
        await page.goto(p.path);
        await settle(page);
        await page.waitForTimeout(500); // fonts and the last paint
        const file = path.join(OUT, `${p.name}-${locale}.png`);
        await page.screenshot({ path: file });
        console.log(path.relative(process.cwd(), file));
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
