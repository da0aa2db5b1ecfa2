// Drives code-server in headless Chromium for vscode_e2e.sh (modelled on
// ../../../shared/checks/vscode_e2e.mjs): opens the CV, waits for the
// weak-verb squiggle on the line with the emoji, puts the cursor on it,
// presses Ctrl+. and takes the first action of the quick-fix menu, then checks
// that the line was rewritten (the weak phrase gone, the rest kept) and that
// the status bar shows the page estimate when the engine has one.
// Last, it points cvlint.path at a missing file and checks the extension says
// so, with a button that opens its README.
// Args: CHROMIUM URL FILE_NAME CV_TEXT_FILE OUT_DIR WAIT_S PID_FILE PLAYWRIGHT_CORE_DIR EXPECT_PAGES SETTINGS_JSON
// Prints `holds: ...` or `short: <reason>` last.
import { createRequire } from 'module';
import fs from 'fs';
import path from 'path';

const [exe, url, name, cvFile, outDir, waitS, pidFile, pwDir, expectPages, settingsFile] = process.argv.slice(2);
const { chromium } = createRequire(import.meta.url)(pwDir);
const WEAK = 'Responsible for';
const SQUIGGLES = ['error', 'warning', 'info', 'hint'].map(k => `.monaco-editor .squiggly-${k}`).join(', ');
const log = (...a) => console.error(new Date().toISOString().slice(11, 19), ...a);
const sleep = ms => new Promise(r => setTimeout(r, ms));
const norm = s => (s || '').replace(/\u00a0/g, ' ');
let browser, closeServer;

async function finish(line, code) {
  console.log(line);
  try { if (browser) await Promise.race([browser.close(), sleep(10000)]); } catch {}
  try { if (closeServer) await Promise.race([closeServer(), sleep(10000)]); } catch {}
  process.exit(code);
}
setTimeout(() => finish('short: browser script ran out of time', 1), (Number(waitS) + 240) * 1000).unref();

// The expected place, read off the fixture: the weak line and the phrase's
// column (Monaco columns count UTF-16 units from 1, as JS strings do).
const lines = fs.readFileSync(cvFile, 'utf8').split('\n');
const weakLine = lines.findIndex(l => l.includes(WEAK));
if (weakLine < 0) finish('short: the fixture has no weak line', 1);
const weakText = lines[weakLine];
const weakCol = weakText.indexOf(WEAK) + 1;
const prefix = weakText.slice(0, weakCol - 1);
const suffix = 'the naïve payments API';

async function openFile(page) {
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first();
  for (let i = 0; i < 3; i++) {
    await page.locator('.monaco-workbench .part.editor').first().click({ timeout: 5000 }).catch(() => {});
    await page.keyboard.press('Control+P');
    const box = page.locator('.quick-input-widget input').first();
    if (!await box.waitFor({ state: 'visible', timeout: 5000 }).then(() => true, () => false)) continue;
    await box.fill(name);
    if (await row.waitFor({ timeout: 15000 }).then(() => true, () => false)) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('Escape');
  }
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first().dblclick({ timeout: 15000 });
}

// The rendered text lines of the editor with their vertical extent.
async function viewLines(page) {
  return page.locator('.editor-instance .monaco-editor .view-lines .view-line').evaluateAll(els =>
    els.map(e => { const r = e.getBoundingClientRect(); return { text: e.textContent, top: r.top, bottom: r.bottom }; }));
}

async function squiggleBoxes(page, selector = SQUIGGLES) {
  return page.locator(selector).evaluateAll(els =>
    els.map(e => { const r = e.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, left: r.left, width: r.width }; }));
}

async function waitFor(pred, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) { if (await pred()) return true; await sleep(250); }
  return false;
}

async function goTo(page, line, col) {
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+G');
  const box = page.locator('.quick-input-widget input').first();
  await box.waitFor({ state: 'visible', timeout: 5000 });
  await box.fill(`:${line}:${col}`);
  await sleep(300);
  await page.keyboard.press('Enter');
  await sleep(500);
}

async function main() {
  const server = await chromium.launchServer({
    executablePath: exe, headless: true, timeout: 60000,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-breakpad', '--disable-crash-reporter'],
  });
  const pid = server.process()?.pid;
  if (pid) fs.writeFileSync(pidFile, String(pid));
  browser = await chromium.connect(server.wsEndpoint(), { timeout: 30000 });
  closeServer = () => server.close();
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  page.on('pageerror', e => log('pageerror:', String(e).slice(0, 300)));

  log('goto', url);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });
  await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
  await page.waitForSelector('[id="status.problems"]', { timeout: 60000 }).catch(() => log('no problems entry yet'));
  await openFile(page);
  await page.locator('.editor-instance .monaco-editor .view-line').first().waitFor({ timeout: 20000 });
  // Close the side bar so the CV and the menu fill the screenshot.
  await page.keyboard.press('Control+B').catch(() => {});
  await goTo(page, weakLine + 1, weakCol);

  // 1. A squiggle on the weak line.
  const until = Date.now() + Number(waitS) * 1000;
  let onLine = null;
  while (Date.now() < until && !onLine) {
    const vl = (await viewLines(page)).find(l => norm(l.text).includes(WEAK));
    if (vl) {
      // weak-verb is a warning; other rules on the line are info or hints.
      const sq = (await squiggleBoxes(page, '.monaco-editor .squiggly-warning')).filter(b => b.top < vl.bottom && b.bottom > vl.top);
      if (sq.length) onLine = { vl, sq };
    }
    if (!onLine) await sleep(500);
  }
  if (!onLine) {
    await page.screenshot({ path: path.join(outDir, 'vscode.png') });
    return finish(`short: no warning squiggle on line ${weakLine + 1} in ${waitS} s`, 1);
  }
  log(`warning squiggle on line ${weakLine + 1}: ${onLine.sq.length}`);

  // 2. Ctrl+. on it; the first action of the menu.
  await goTo(page, weakLine + 1, weakCol + 2);
  await page.keyboard.press('Control+.');
  const menu = page.locator('.action-widget .monaco-list-row.action, .context-view .monaco-list-row.action').first();
  if (!await menu.waitFor({ state: 'visible', timeout: 10000 }).then(() => true, () => false)) {
    await page.screenshot({ path: path.join(outDir, 'vscode.png') });
    return finish('short: Ctrl+. showed no quick-fix menu', 1);
  }
  await sleep(700);
  const offered = (await page.locator('.action-widget .monaco-list-row.action').allTextContents()).map(norm);
  log('offered:', offered.join(' | '));
  await page.screenshot({ path: path.join(outDir, 'vscode.png') });
  const first = offered[0] || '';
  // The first action is focused when the menu opens: Enter takes it, as a
  // keyboard user would (a mouse click is swallowed by the menu's pointer block).
  await page.keyboard.press('Enter');

  // 3. The line is rewritten.
  let after = null;
  const fixUntil = Date.now() + 10000;
  while (Date.now() < fixUntil) {
    const vls = await viewLines(page);
    if (!vls.some(l => norm(l.text).includes(WEAK))) {
      after = vls.map(l => norm(l.text)).find(t => t.endsWith(suffix)) ?? null;
      if (after) break;
    }
    await sleep(250);
  }
  await sleep(1500);
  await page.screenshot({ path: path.join(outDir, 'vscode-after.png') });
  if (after === null) return finish(`short: picking "${first}" left "${WEAK}" in place`, 1);
  log(`rewritten: ${after}`);
  if (!after.startsWith(prefix)) return finish(`short: the text before the phrase changed: "${after}"`, 1);
  if (!/^[A-Z][a-z]+ /.test(after.slice(prefix.length))) return finish(`short: the bullet does not open with a verb: "${after}"`, 1);

  // The server saw the edit: the weak-verb squiggle (a warning; other rules on
  // this line, such as unquantified, are info) is gone from the rewritten line.
  let clean = false;
  const cleanUntil = Date.now() + 10000;
  while (Date.now() < cleanUntil && !clean) {
    const vl = (await viewLines(page)).find(l => norm(l.text) === after);
    clean = !!vl && !(await squiggleBoxes(page, '.monaco-editor .squiggly-warning')).some(b => b.top < vl.bottom && b.bottom > vl.top);
    if (!clean) await sleep(250);
  }
  if (!clean) return finish('short: the weak-verb (warning) squiggle stayed on the rewritten line', 1);

  // 4. "cvlint: Fix all" from the command palette, after undoing the quick fix.
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+Z');
  const back = await waitFor(async () => (await viewLines(page)).some(l => norm(l.text).includes(WEAK)), 5000);
  if (!back) return finish('short: undo did not bring the weak line back', 1);
  await sleep(1500); // let the server re-lint the restored text
  await page.keyboard.press('F1');
  const box = page.locator('.quick-input-widget input').first();
  await box.waitFor({ state: 'visible', timeout: 5000 });
  await box.fill('>cvlint: Fix all');
  // Our command, not VS Code's own "Fix All": the focused (first) row must be it.
  const row = page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: /cvlint: Fix all/ }).first();
  if (!await row.waitFor({ timeout: 5000 }).then(() => true, () => false)) {
    return finish('short: the command palette does not offer "cvlint: Fix all" first', 1);
  }
  await page.keyboard.press('Enter');
  const fixedAll = await waitFor(async () => {
    const vls = (await viewLines(page)).map(l => norm(l.text));
    return !vls.some(t => t.includes(WEAK)) && vls.includes(after);
  }, 10000);
  if (!fixedAll) return finish('short: "cvlint: Fix all" did not rewrite the weak line', 1);
  log('fix all: rewrote the line again');

  // 5. The status bar item, when the engine estimates pages.
  const status = norm(await page.locator('.statusbar-item', { hasText: 'pages' }).first()
    .textContent({ timeout: 5000 }).catch(() => ''));
  log('status bar:', status || '(none)');
  if (expectPages === 'yes' && !/pages/.test(status)) return finish('short: no page estimate in the status bar', 1);

  // 6. The status bar item opens the keyword report beside the CV.
  if (status) {
    await page.locator('.statusbar-item', { hasText: 'pages' }).first().click({ timeout: 5000 });
    const reportTab = page.locator('.tabs-container .tab', { hasText: 'keywords' }).first();
    if (!await reportTab.waitFor({ timeout: 15000 }).then(() => true, () => false)) {
      const err = norm(await page.locator('.notification-toast').first().textContent({ timeout: 1000 }).catch(() => ''));
      await page.screenshot({ path: path.join(outDir, 'vscode-report.png') });
      return finish(`short: the status bar item opened no keyword report${err ? ` (${err.slice(0, 120)})` : ''}`, 1);
    }
    await sleep(1500);
    await page.screenshot({ path: path.join(outDir, 'vscode-report.png') });
    log('keyword report tab:', norm(await reportTab.textContent()));
  }

  // 7. A missing server: a clear message and the README one click away.
  // Through the Settings editor, as a user would.
  await page.keyboard.press('Control+,');
  const search = page.locator('.settings-editor .settings-header .monaco-editor textarea, .settings-editor .suggest-input-container textarea').first();
  await search.waitFor({ state: 'visible', timeout: 15000 });
  await search.fill('cvlint.path');
  // cvlint.path is a machine setting: in code-server it lives in the Remote tab.
  await page.locator('.settings-editor .settings-tabs-widget .action-label', { hasText: 'Remote' }).first().click({ timeout: 5000 });
  const input = page.locator('.settings-editor .setting-item-contents', { hasText: 'executable' }).locator('input').first();
  await input.waitFor({ state: 'visible', timeout: 15000 });
  await input.fill('/nonexistent/cvlint');
  await page.keyboard.press('Tab');
  const toast = page.locator('.notification-toast', { hasText: '/nonexistent/cvlint' }).first();
  if (!await toast.waitFor({ state: 'visible', timeout: 20000 }).then(() => true, () => false)) {
    await page.screenshot({ path: path.join(outDir, 'vscode-missing.png') });
    return finish('short: no message when cvlint.path points at a missing file', 1);
  }
  const message = norm(await toast.textContent());
  log('missing server:', message.slice(0, 200));
  await page.screenshot({ path: path.join(outDir, 'vscode-missing.png') });
  await toast.locator('.monaco-button', { hasText: 'Open README' }).first().click({ timeout: 5000 });
  const readme = page.locator('.tabs-container .tab', { hasText: /readme/i }).first();
  if (!await readme.waitFor({ timeout: 10000 }).then(() => true, () => false)) {
    return finish('short: "Open README" opened no README', 1);
  }

  return finish(`holds: "${first}" rewrote line ${weakLine + 1} to "${after.trim()}", its warning squiggle went, "cvlint: Fix all" did the same${status ? `; status "${status.trim()}"` : ''}${status ? '; the status bar opens the keyword report' : ''}; a missing server is explained with its README`, 0);
}

main().catch(async e => {
  log(e && e.stack || e);
  try { const p = browser && browser.contexts()[0]?.pages()[0]; if (p) await p.screenshot({ path: path.join(outDir, 'vscode.png') }); } catch {}
  finish(`short: ${String(e && e.message || e).split('\n')[0].slice(0, 160)}`, 1);
});
