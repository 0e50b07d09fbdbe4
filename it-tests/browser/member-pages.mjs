// The Leaderboard and Members pages of the Account Console, in the system Chromium, at a desktop and a
// phone size. Usage: node member-pages.mjs '<json>' with
//   {baseUrl, realm, username, password, locale, screenshots, prefix,
//    mode: "member" | "outsider", search, interest, profile (a handle to open)}
// "member": log in through Keycloak's login page, then at each size read the leaderboard for week, month
// and all (and the next page of all, when there is one), search the directory for `search`, filter the
// result by `interest`, open `profile`'s profile; audit every page with axe. "outsider": open both pages
// and read what they say instead of the lists.
// Selectors never depend on the language; the test compares the texts and rows with the REST API and the
// message bundles. Prints one JSON line: {sizes: {desktop|phone: {...}}, violations: [...], menu: [...],
// screenshots: [...], errors: [...], pwned, injectedImages}.
import { chromium } from 'playwright-core';
import { audit } from './axe.mjs';

const config = JSON.parse(process.argv[2]);
const SIZES = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
const result = { sizes: {}, violations: [], menu: [], screenshots: [], errors: [], audits: [], pwned: false, injectedImages: 0 };
let page;
let size;

const account = `${config.baseUrl}/realms/${config.realm}/account`;

async function shot(name) {
  // member-typed HTML must never run nor become elements: checked on every page before it is left
  result.pwned = result.pwned || await page.evaluate(() => window.__pwned === 1);
  result.injectedImages = Math.max(result.injectedImages, await page.locator('img[src="x"]').count());
  const file = `members-${config.prefix}-${size.name}-${name}.png`;
  await page.screenshot({ path: `${config.screenshots}/${file}`, fullPage: true });
  result.screenshots.push(file);
}

async function check(name) {
  const found = await audit(page, `${size.name} ${name}`);
  result.audits.push(`${size.name} ${name}`);
  result.violations.push(...found);
}

// At a phone size the side menu must be closed when a page opens (it would cover the page): recorded per page.
async function menuOutOfTheWay(where) {
  if (size.width >= 1200) return;
  const openOnArrival = await page.locator('.pf-v5-c-page__sidebar.pf-m-expanded').first().isVisible().catch(() => false);
  result.menu.push({ size: size.name, page: where, openOnArrival });
}

async function open(path, ready) {
  if (size.name === 'desktop') {
    // through the side menu, as a member finds the page
    await page.locator(`[data-testid="${path}"]`).first().click();
  } else {
    await page.goto(`${account}/${path}`);
  }
  await page.locator(ready).first().waitFor();
  await page.waitForLoadState('networkidle');
  await menuOutOfTheWay(path);
}

async function leaderboardRows() {
  return page.locator('[data-testid="leaderboard-row"]').evaluateAll((rows) => rows.map((row) => {
    const member = row.querySelector('[data-testid="leaderboard-member"]');
    return {
      rank: Number(row.dataset.rank),
      handle: member ? member.dataset.handle : null,
      name: member ? member.querySelector('strong').textContent : null,
      private: row.querySelector('[data-testid="leaderboard-private"]')?.textContent ?? null,
      points: Number(row.querySelector('[data-testid="leaderboard-points"]').textContent),
      level: row.querySelector('[data-testid="leaderboard-level"]')?.textContent ?? null,
      you: row.dataset.you === 'true',
      highlighted: getComputedStyle(row).backgroundColor,
      // at a phone size the table is a grid of labelled cells: the labels must be the column headers
      labels: [...row.querySelectorAll('td')].map((td) => td.dataset.label),
      width: row.getBoundingClientRect().width,
    };
  }));
}

async function waitReady(testid) {
  await page.locator(`[data-testid="${testid}"][data-state="ok"]`).waitFor();
}

async function leaderboard(out) {
  await open('community/leaderboard', '[data-testid="leaderboard-page"][data-state="ok"]');
  out.leaderboard = {};
  for (const period of ['week', 'month', 'all']) {
    // week is selected on arrival (its answer is in): the others are asked for when clicked
    const answer = period === 'week' ? null : page.waitForResponse((r) => r.url().includes(`/leaderboard?period=${period}`));
    await page.click(`#leaderboard-period-${period}`);
    if (answer) await answer;
    await waitReady('leaderboard-page');
    await page.locator(`[data-testid="leaderboard"][data-period="${period}"], [data-testid="leaderboard-empty"]`).first().waitFor();
    out.leaderboard[period] = await leaderboardRows();
    if (period === 'week') {
      out.leaderboardText = await page.innerText('main');
      out.headers = await page.locator('[data-testid="leaderboard"] th').allInnerTexts();
      out.periods = await page.locator('[data-testid="leaderboard-periods"] button').allInnerTexts();
      await shot('leaderboard-week');
      await check('leaderboard');
    }
  }
  await shot('leaderboard-all');
  if (await page.locator('[data-testid="members-next"]:not([disabled])').count()) {
    const next = page.waitForResponse((r) => r.url().includes('/leaderboard?period=all&first=10'));
    await page.click('[data-testid="members-next"]');
    await next;
    await waitReady('leaderboard-page');
    await page.locator('[data-testid="leaderboard-row"][data-rank="11"]').waitFor();
    out.leaderboard.allNext = await leaderboardRows();
    out.pagingText = await page.innerText('[data-testid="members-paging"]');
    await shot('leaderboard-all-next');
    await check('leaderboard, second page');
  }
}

async function cards() {
  return page.locator('[data-testid="members-card"]').evaluateAll((cards) => cards.map((card) => {
    const website = card.querySelector('[data-testid="members-website"]');
    return {
      handle: card.dataset.handle,
      name: card.querySelector('[data-testid="members-open"]').textContent,
      text: card.innerText,
      website: website ? { href: website.getAttribute('href'), rel: website.getAttribute('rel'), target: website.getAttribute('target') } : null,
      width: card.getBoundingClientRect().width,
    };
  }));
}

async function directory(out) {
  await open('community/members', '[data-testid="members-page"][data-state="ok"]');
  await page.locator('[data-testid="members-card"]').first().waitFor();
  out.directory = { all: await cards() };
  out.directoryText = await page.innerText('main');
  out.interestOptions = await page.locator('[data-testid="members-interest"] option').evaluateAll((os) => os.map((o) => o.value));
  await shot('directory');
  await check('directory');

  let answer = page.waitForResponse((r) => r.url().includes(`/members?search=${encodeURIComponent(config.search)}`));
  await page.fill('[data-testid="members-search"]', config.search);
  await answer;
  await waitReady('members-page');
  out.directory.search = await cards();

  answer = page.waitForResponse((r) => r.url().includes(`interest=${encodeURIComponent(config.interest)}`));
  await page.selectOption('[data-testid="members-interest"]', config.interest);
  await answer;
  await waitReady('members-page');
  out.directory.searchAndInterest = await cards();
  await shot('directory-filtered');

  await page.locator(`[data-testid="members-card"][data-handle="${config.profile}"] [data-testid="members-open"]`).click();
  await page.locator('[data-testid="members-profile-handle"]').waitFor();
  await page.waitForLoadState('networkidle');
  const dialog = page.locator('[role="dialog"]');
  const website = dialog.locator('[data-testid="members-profile-website"]');
  out.profile = {
    text: await dialog.innerText(),
    handle: await dialog.locator('[data-testid="members-profile-handle"]').innerText(),
    bio: await dialog.locator('[data-testid="members-profile-bio"]').innerText(),
    points: Number(await dialog.locator('[data-testid="members-profile-points"]').innerText()),
    website: (await website.count()) ? { href: await website.getAttribute('href'), rel: await website.getAttribute('rel'),
      target: await website.getAttribute('target') } : null,
    imagesInDialog: await dialog.locator('img[src="x"]').count(),
  };
  await shot('profile');
  await check('profile');
  await page.click('[data-testid="members-profile-close"]');
  await dialog.waitFor({ state: 'detached' });
}

async function outsider(out) {
  for (const [path, key] of [['community/leaderboard', 'leaderboard'], ['community/members', 'directory']]) {
    await page.goto(`${account}/${path}`);
    await page.locator('[data-testid="members-situation"]').waitFor();
    await page.waitForLoadState('networkidle');
    await menuOutOfTheWay(path);
    out[key] = {
      state: await page.getAttribute('[data-testid="members-situation"]', 'data-state'),
      text: await page.innerText('main'),
      rows: await page.locator('[data-testid="leaderboard-row"], [data-testid="members-card"]').count(),
    };
    await shot(`outsider-${key}`);
    await check(`outsider ${key}`);
  }
}

try {
  const context = await browser.newContext({ locale: config.locale, viewport: { width: SIZES[0].width, height: SIZES[0].height } });
  page = await context.newPage();
  page.setDefaultTimeout(60000);
  page.on('pageerror', (error) => result.errors.push(error.message));
  await page.goto(`${account}/`);
  await page.fill('#username', config.username);
  await page.fill('#password', config.password);
  await page.click('#kc-login');
  await page.locator('[data-testid="page-heading"]').first().waitFor();
  await page.waitForLoadState('networkidle');

  for (size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    const out = { width: size.width };
    result.sizes[size.name] = out;
    if (config.mode === 'outsider') {
      await outsider(out);
    } else {
      await leaderboard(out);
      await directory(out);
    }
    out.scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  }
  result.pwned = result.pwned || await page.evaluate(() => window.__pwned === 1);
} catch (error) {
  result.failure = String(error);
  if (page) {
    await page.screenshot({ path: `${config.screenshots}/members-${config.prefix}-failure.png`, fullPage: true }).catch(() => {});
    result.failurePage = await page.innerText('body').catch(() => '');
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
