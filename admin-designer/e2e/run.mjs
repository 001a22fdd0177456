// End-to-end test of the admin designer against a running engine, in Debian's Chromium driven by playwright-core
// (which starts it with a fresh, empty profile of its own).
// Env: ENGINE_URL (http://127.0.0.1:8080), ENGINE_ADMIN_CLIENT_SECRET (required), CHROMIUM (/usr/bin/chromium),
// SCREENSHOTS (../docs/images). Prints "e2e: N passed, N failed, N skipped" last; exits non-zero on any failure.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const engine = (process.env.ENGINE_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
const secret = process.env.ENGINE_ADMIN_CLIENT_SECRET;
const screenshots = resolve(process.env.SCREENSHOTS ?? join(here, '..', '..', 'docs', 'images'));
if (!secret) {
  console.error('ENGINE_ADMIN_CLIENT_SECRET is not set: the test needs the admin client to create its user');
  process.exit(2);
}

// Unique names, so the test can run against an engine that has seen it before; ending in 'n', their plurals add an 's'.
const suffix = `x${Math.random().toString(36).slice(2, 8)}n`;
const Author = `WriterX${suffix.slice(1)}`;
const Book = `NovelX${suffix.slice(1)}`;
const username = `e2e_${suffix}`;
const password = 'correct horse battery staple';

async function api(method, path, token, body) {
  const response = await fetch(`${engine}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json().catch(() => null);
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${JSON.stringify(json)}`);
  return json;
}

async function adminToken() {
  const response = await fetch(`${engine}/connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'engine-admin', client_secret: secret }),
  });
  const json = await response.json();
  if (!json.access_token) throw new Error(`client_credentials failed: ${JSON.stringify(json)}`);
  return json.access_token;
}

const results = { passed: 0, failed: 0, skipped: 0 };
let broken = false;
async function step(name, body) {
  if (broken) {
    results.skipped++;
    console.log(`  - ${name} (skipped)`);
    return;
  }
  const started = Date.now();
  try {
    await body();
    results.passed++;
    console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    results.failed++;
    broken = true;
    const shot = join(tmpdir(), `admin-e2e-failure-${process.pid}.png`);
    await page?.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
    console.log(`  ✗ ${name}\n    at ${page?.url()} (screenshot ${shot})\n    ${String(e?.stack ?? e).split('\n').slice(0, 6).join('\n    ')}`);
  }
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
page.setDefaultTimeout(15_000);
const consoleErrors = [];
page.on('pageerror', e => consoleErrors.push(String(e)));

/** The control of a react-admin input, by its source (react-admin marks each input's root with ra-input-<source>). */
const input = name => page.locator(`.ra-input-${name}`)
  .locator('[role=combobox], textarea:not([aria-hidden=true]), input:not([aria-hidden=true]):not([type=hidden])').first();
const rows = () => page.locator('table tbody tr');
const cells = column => page.locator(`table tbody td.column-${column}`).allTextContents();

try {
  console.log(`admin designer e2e against ${engine} (resources ${Author}, ${Book})`);

  await step('set-up: an admin user and a related resource with one record, over the API', async () => {
    const token = await adminToken();
    await api('POST', '/meta/users', token, { username, password, roles: ['admin'] });
    await api('PUT', `/meta/resources/${Author}`, token, { name: Author, fields: [{ name: 'name', type: 'String', required: true }] });
    const created = await fetch(`${engine}/graphql`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: `mutation { create${Author}(data: { name: "Frank Herbert" }) { id } }` }),
    }).then(r => r.json());
    expect(!created.errors, `creating the author failed: ${JSON.stringify(created.errors)}`);
  });

  await step('log in through the engine\'s login form', async () => {
    await page.goto(`${engine}/admin/`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/connect\/authorize/);
    await page.locator('#username').fill(username);
    await page.locator('#password').fill(password);
    await page.locator('button[type=submit]').click();
    await page.waitForURL(/\/admin\/#\//);
    await page.getByText('Resources (metadata version').waitFor();
    expect(await page.getByRole('menuitem', { name: 'Designer' }).isVisible(), 'the Designer menu item is missing');
  });

  await step('design a resource with three fields and a relation, and see its plan', async () => {
    await page.getByRole('button', { name: 'New resource' }).click();
    await page.getByLabel('Resource name').fill(Book);
    const field = i => page.getByTestId(`field-${i}`);
    await field(0).getByLabel('Field name').fill('title');
    await field(0).getByLabel('required').check();
    await field(0).getByLabel('Max length').fill('20');
    await page.getByRole('button', { name: 'Add field' }).click();
    await field(1).getByLabel('Field name').fill('pages');
    await field(1).getByLabel('Type').selectOption('Int');
    await field(1).getByLabel('Min').fill('0');
    await page.getByRole('button', { name: 'Add field' }).click();
    await field(2).getByLabel('Field name').fill('status');
    await field(2).getByLabel('Type').selectOption('Enum');
    await field(2).getByLabel('Values (comma-separated)').fill('DRAFT, OUT');
    await field(2).getByLabel('Default').fill('DRAFT');
    await page.getByRole('button', { name: 'Add field' }).click();
    await field(3).getByLabel('Field name').fill('author');
    await field(3).getByLabel('Type').selectOption('Relation');
    await field(3).getByLabel('Target').selectOption(Author);
    await field(3).getByLabel('On delete').selectOption('CASCADE');
    await page.getByRole('button', { name: 'Preview plan' }).click();
    const plan = page.getByTestId('plan');
    await plan.waitFor();
    const text = await plan.textContent();
    expect(text.includes('createTable') && text.includes('addForeignKey'), `the plan lacks createTable/addForeignKey: ${text}`);
    mkdirSync(screenshots, { recursive: true });
    await page.setViewportSize({ width: 1400, height: 1500 });
    await page.getByRole('button', { name: 'Apply' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshots, 'admin-designer.png') });
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  await step('apply the change; the menu shows the new resource without a reload', async () => {
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/#\/designer$/);
    await page.getByRole('menuitem', { name: `${Book}s` }).click();
    await page.waitForURL(new RegExp(`#/${Book}$`));
  });

  const createRecord = async (title, pages, status) => {
    await page.getByRole('link', { name: 'Create' }).click();
    await input('title').fill(title);
    await input('pages').fill(String(pages));
    if (status) {
      await input('status').click();
      await page.getByRole('option', { name: status }).click();
    }
    await input('author').fill('Frank');
    await page.getByRole('option', { name: 'Frank Herbert' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/show$/);
    await page.getByText(title).first().waitFor();
    await page.goto(`${engine}/admin/#/${Book}`);
  };

  await step('add two records in the data browser', async () => {
    await createRecord('Dune', 412, 'OUT');
    await createRecord('Children of Dune', 444);
    await page.getByText('1-2 of 2').waitFor();
  });

  await step('sort the list by a column and filter it', async () => {
    await page.locator('th').filter({ hasText: 'pages' }).getByRole('button').click();
    await page.waitForURL(/sort=pages/);
    await page.waitForFunction(() => document.querySelector('table tbody td.column-pages')?.textContent === '412');
    expect(JSON.stringify(await cells('pages')) === '["412","444"]', `ascending by pages: ${await cells('pages')}`);
    await page.locator('th').filter({ hasText: 'pages' }).getByRole('button').click();
    await page.waitForFunction(() => document.querySelector('table tbody td.column-pages')?.textContent === '444');
    await page.locator('input[name=q]').fill('Children');
    await page.getByText('1-1 of 1').waitFor();
    expect((await cells('title'))[0] === 'Children of Dune', `filtered: ${await cells('title')}`);
    await page.locator('input[name=q]').fill('');
    await page.getByText('1-2 of 2').waitFor();
    await page.locator('.MuiSnackbar-root').waitFor({ state: 'detached', timeout: 20_000 });
    await page.screenshot({ path: join(screenshots, 'admin-data-browser.png') });
  });

  await step('edit one record', async () => {
    await rows().filter({ hasText: 'Children of Dune' }).first().click();
    await page.waitForURL(/\/show$/);
    await page.getByRole('link', { name: 'Edit' }).click();
    await input('pages').fill('450');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/show$/);
    await page.getByText('450').waitFor();
  });

  await step('a validation error from the API shows on its field', async () => {
    await page.getByRole('link', { name: 'Edit' }).click();
    await input('title').fill('A title far longer than twenty characters');
    await page.getByRole('button', { name: 'Save' }).click();
    const helper = page.locator('.ra-input-title').getByText('at most 20 characters');
    await helper.waitFor();
  });

  await step('delete one record', async () => {
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.waitForURL(new RegExp(`#/${Book}(\\?|$)`));
    await page.getByText('1-1 of 1').waitFor();
    expect((await cells('title'))[0] === 'Dune', `after delete: ${await cells('title')}`);
  });

  await step('the metadata history lists the change with its summary', async () => {
    await page.getByRole('menuitem', { name: 'History' }).click();
    await page.getByTestId('history').getByText(`put ${Book}`).first().waitFor();
  });

  await step('a destructive change is highlighted and applied only after confirmation', async () => {
    await page.getByRole('menuitem', { name: 'Designer' }).click();
    await page.getByRole('row').filter({ hasText: Book }).getByRole('button', { name: 'Design' }).click();
    await page.getByTestId('field-1').getByRole('button', { name: 'Remove field' }).click();
    await page.getByRole('button', { name: 'Preview plan' }).click();
    const destructive = page.locator('[data-testid=plan] tr[data-destructive=true]');
    await destructive.first().waitFor();
    expect((await destructive.first().textContent()).includes('destructive'), 'the destructive step is not marked');
    const apply = page.getByRole('button', { name: 'Apply' });
    expect(await apply.isDisabled(), 'Apply is enabled before the confirmation');
    await page.getByLabel('I understand; apply the destructive steps').check();
    await apply.click();
    await page.waitForURL(/#\/designer$/);
    await page.getByRole('row').filter({ hasText: Book }).filter({ hasNotText: 'pages' }).waitFor();
  });

  await step('a resource defined elsewhere appears in the menu without a reload; deleting it in the designer removes it', async () => {
    const Extra = `Memo${Book.slice('Novel'.length)}`;
    await api('PUT', `/meta/resources/${Extra}`, await adminToken(), { name: Extra, fields: [{ name: 'text', type: 'String' }] });
    await page.getByRole('menuitem', { name: `${Extra}s` }).waitFor({ timeout: 10_000 });

    await page.getByRole('row').filter({ hasText: Extra }).getByRole('button', { name: 'Design' }).click();
    await page.getByRole('button', { name: 'Delete resource…' }).click();
    await page.locator('[data-testid=plan] tr[data-destructive=true]').first().waitFor();
    await page.getByLabel('I understand; apply the destructive steps').check();
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/#\/designer$/);
    await page.getByRole('menuitem', { name: `${Extra}s` }).waitFor({ state: 'detached' });
  });

  await step('log out: the app forgets the session and shows its sign-in page', async () => {
    await page.getByRole('button', { name: 'Profile' }).click();
    await page.getByRole('menuitem', { name: 'Logout' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('engine-admin.tokens')) === null, 'the tokens are still stored');
  });

  await step('no uncaught error in the page', async () => {
    expect(consoleErrors.length === 0, consoleErrors.join('\n'));
  });
} finally {
  await browser.close();
}

console.log(`e2e: ${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`);
process.exit(results.failed > 0 ? 1 : 0);
