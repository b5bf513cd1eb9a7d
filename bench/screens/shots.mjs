// Screenshots of five staff forms and five public pages of a running portal: node shots.mjs BASEURL OUTDIR EMAIL PASSWORD
import { chromium } from 'playwright-core';
import fs from 'node:fs';

const [base, out, email, password] = process.argv.slice(2);
fs.mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--font-render-hinting=none'] });
const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 900 }, locale: 'en-GB', reducedMotion: 'reduce', bypassCSP: true });
const page = await context.newPage();

async function shot(name) {
  await page.waitForLoadState('networkidle');
  await page.addStyleTag({ content: '*{caret-color:transparent !important; animation:none !important; transition:none !important}' });
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
  console.log(name, page.url());
}

// Public pages, anonymous.
await page.goto('/');
await shot('public-1-home');
await page.goto('/library');
await shot('public-2-library');
await page.goto('/activities');
const hrefs = await page.$$eval('main a[href^="/activities/"]', as => as.map(a => a.getAttribute('href')));
let registerUrl = null;
for (const href of hrefs) {
  if (href.endsWith('.ics') || href.includes('calendar')) continue;
  const r = await context.request.get(href.replace(/\/$/, '') + '/register');
  if (r.ok() && (await r.text()).includes('name="FullName"')) { registerUrl = href.replace(/\/$/, '') + '/register'; await page.goto(href); break; }
}
await shot('public-3-activity');
await page.goto(registerUrl);
await shot('public-4-register');
await page.locator('main form button[type=submit]').last().click();
await shot('public-5-register-errors');

// Staff forms, signed in (the portal runs with two-factor sign-in switched off for this script).
await page.goto('/Identity/Account/Login');
await page.locator('#Email').fill(email);
await page.locator('#Password').fill(password);
await page.locator('main button[type=submit]').click();
await page.waitForURL('**/Admin**');
for (const [name, path, submit] of [
  ['staff-1-activity-new', '/Admin/Activities/Create', false],
  ['staff-2-activity-errors', '/Admin/Activities/Create', true],
  ['staff-3-document-new', '/Admin/Documents/Create', false],
  ['staff-4-organisation-errors', '/Admin/Organisations/Create', true],
  ['staff-5-scholarship-new', '/Admin/ScholarshipAwards/Create', false],
]) {
  await page.goto(path);
  if (submit) await page.locator('#record-form button[type=submit], main form[method=post] button[type=submit]').first().click();
  await shot(name);
}
await browser.close();
