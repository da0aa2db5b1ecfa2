import assert from 'node:assert/strict';
import test from 'node:test';

import { pickFile, renderKeywordReport } from '../src/report';

const report = {
  version: 1,
  files: [
    { path: 'other.md', keywords: null },
    {
      path: 'cv.md',
      pages: { estimated: 2.4, limit: 2, method: 'estimate' },
      keywords: {
        job: 'job.md',
        score: 0.78,
        matched: ['Python', 'C++'],
        missing: ['Kubernetes', { keyword: 'CI/CD', importance: 'essential' }],
        variants: [{ keyword: 'PostgreSQL', found: 'Postgres' }],
      },
      diagnostics: [],
    },
  ],
};

test('pickFile finds the file by path, by suffix, or falls back to the first', () => {
  assert.equal(pickFile(report, 'cv.md')?.path, 'cv.md');
  assert.equal(pickFile(report, '/home/x/cv.md')?.path, 'cv.md');
  assert.equal(pickFile(report, 'nope.md')?.path, 'other.md');
  assert.equal(pickFile({ path: 'a.md' })?.path, 'a.md', 'a bare file entry is taken as is');
  assert.equal(pickFile(42), undefined);
});

test("the server's cvlint.keywordReport answer (the keywords object alone) renders like the CLI's", () => {
  const k = { job: 'cv.job.md', score: 0.5, matched: ['Python'], missing: ['Kubernetes'], variants: [] };
  const md = renderKeywordReport(pickFile(k, '/home/x/cv.md'));
  assert.match(md, /\*\*Keyword match:\*\* 50% against the job advert `cv\.job\.md`/);
  assert.match(md, /- Kubernetes\n/);
});

test('the report lists score, missing, variants and matched keywords', () => {
  const md = renderKeywordReport(pickFile(report, 'cv.md'));
  assert.match(md, /\*\*Keyword match:\*\* 78% against the job advert `job\.md`/);
  assert.match(md, /## Missing \(2\)/);
  assert.match(md, /- Kubernetes\n/);
  assert.match(md, /- CI\/CD \(essential\)/);
  assert.match(md, /- Postgres → PostgreSQL/);
  assert.match(md, /Python, C\\\+\\\+/);
  assert.match(md, /≈ 2\.4 of 2 — \*\*over the limit\*\*/);
});

test('without an advert the report names the role profile', () => {
  const md = renderKeywordReport({ keywords: { role: 'backend-developer', score: 0.4, matched: [], missing: [] } });
  assert.match(md, /40% against the role profile `backend-developer`/);
  assert.match(md, /## Matched \(0\)\n\nNone yet\./);
  assert.doesNotMatch(md, /## Missing/, 'no empty Missing section');
});

test('no keywords: the report says how to give it an advert', () => {
  const md = renderKeywordReport(pickFile(report, 'other.md'));
  assert.match(md, /no keywords to match/);
  assert.match(md, /cvlint\.job/);
  assert.match(renderKeywordReport(undefined), /no report/);
});
