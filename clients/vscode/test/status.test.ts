import assert from 'node:assert/strict';
import test from 'node:test';

import { statusFromLensTitles, statusFromNotification, statusView } from '../src/status';

test('code lens titles give pages, limit and score', () => {
  assert.deepEqual(statusFromLensTitles(['≈ 1.8 / 2 pages', 'keyword match 78%']), { pages: 1.8, limit: 2, score: 0.78 });
  assert.deepEqual(statusFromLensTitles(['keyword match 100%', '≈ 3.2/2 pages']), { pages: 3.2, limit: 2, score: 1 });
});

test('other phrasings of the same titles', () => {
  assert.deepEqual(statusFromLensTitles(['pages: 2.4 of 2']), { pages: 2.4, limit: 2 });
  assert.deepEqual(statusFromLensTitles(['2 / 2 pages (exact)']), { pages: 2, limit: 2, exact: true });
  assert.deepEqual(statusFromLensTitles(['3 / 2 pages (measured)']), { pages: 3, limit: 2, exact: true });
  assert.deepEqual(statusFromLensTitles(['keyword match 78% (7/9) against cv.job.md']), { score: 0.78 });
  assert.deepEqual(statusFromLensTitles(['ATS keyword match: 45 %']), { score: 0.45 });
  assert.deepEqual(statusFromLensTitles(['62% keyword match (job.md)']), { score: 0.62 });
});

test('unrelated lenses give nothing', () => {
  assert.deepEqual(statusFromLensTitles(['Run tests', '3 references']), {});
  assert.equal(statusView(statusFromLensTitles([])), undefined);
});

test('the first title carrying a figure wins', () => {
  assert.equal(statusFromLensTitles(['≈ 1.5 / 2 pages', '≈ 9 / 2 pages']).pages, 1.5);
});

test('cvlint/status notifications: flat and nested shapes, share or percent', () => {
  assert.deepEqual(statusFromNotification({ uri: 'file:///cv.md', pages: 2.4, limit: 2, score: 0.78 }), {
    uri: 'file:///cv.md',
    status: { pages: 2.4, limit: 2, score: 0.78 },
  });
  assert.deepEqual(
    statusFromNotification({ uri: 'u', pages: { estimated: 1.2, limit: 2, method: 'exact' }, keywords: { score: 0.5 } })?.status,
    { pages: 1.2, limit: 2, exact: true, score: 0.5 },
  );
  assert.equal(statusFromNotification({ uri: 'u', score: 78 })?.status.score, 0.78);
  // The server's own shape: {uri, version, pages: {estimated, limit, method}, keywords: {score, job}}, either may be null.
  assert.deepEqual(
    statusFromNotification({
      uri: 'u', version: 3, pages: { estimated: 3, limit: 2, method: 'measured' }, keywords: { score: 0.78, job: 'cv.job.md' },
    })?.status,
    { pages: 3, limit: 2, exact: true, score: 0.78 },
  );
  assert.deepEqual(
    statusFromNotification({ uri: 'u', version: 1, pages: { estimated: 1.8, limit: 2, method: 'estimate' }, keywords: null })?.status,
    { pages: 1.8, limit: 2, score: undefined },
  );
  assert.equal(statusFromNotification({ pages: 2 }), undefined, 'no uri, no status');
  assert.equal(statusFromNotification(null), undefined);
  assert.equal(statusFromNotification({ uri: 'u', pages: 'two' })?.status.pages, undefined);
});

test('the status bar text and the over-limit warning', () => {
  const v = statusView({ pages: 2.43, limit: 2, score: 0.781 });
  assert.ok(v);
  assert.equal(v.text, '$(file) ≈2.4 / 2 pages  $(checklist) 78% match');
  assert.equal(v.overLimit, true);
  assert.match(v.tooltip, /over the limit/);
  const ok = statusView({ pages: 1.8, limit: 2 });
  assert.equal(ok?.overLimit, false);
  assert.equal(ok?.text, '$(file) ≈1.8 / 2 pages');
  assert.equal(statusView({ pages: 2, limit: 2, exact: true })?.text, '$(file) 2.0 / 2 pages');
  assert.equal(statusView({ score: 0 })?.text, '$(checklist) 0% match');
});
