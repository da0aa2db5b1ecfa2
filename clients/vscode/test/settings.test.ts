import assert from 'node:assert/strict';
import test from 'node:test';
import * as path from 'path';

import pkg from '../package.json';
import { explicitValue, serverSettings, SERVER_KEYS } from '../src/settings';

test('only values the user set are sent: defaults never override .cvlint.json', () => {
  const s = serverSettings(() => ({}), '/ws');
  assert.deepEqual(s, {});
});

test('client-only keys never reach the server', () => {
  const table: Record<string, unknown> = { path: '/opt/cvlint', 'trace.server': 'verbose', locale: 'en-US' };
  const s = serverSettings(k => ({ globalValue: table[k] }), '/ws');
  assert.deepEqual(s, { locale: 'en-US' });
  assert.ok(!SERVER_KEYS.includes('path' as never));
});

test('dotted keys become nested objects, as in .cvlint.json', () => {
  const cmds = { resumeItem: 'text', faicon: 'ignore' };
  const s = serverSettings(k => (k === 'latex.commands' ? { workspaceValue: cmds } : undefined), undefined);
  assert.deepEqual(s, { latex: { commands: cmds } });
});

test('a relative job path is made absolute against the workspace folder', () => {
  const s = serverSettings(k => (k === 'job' ? { workspaceValue: 'adverts/acme.md' } : undefined), '/home/zoë/cv');
  assert.equal(s.job, path.join('/home/zoë/cv', 'adverts/acme.md'));
  const abs = serverSettings(k => (k === 'job' ? { globalValue: '/srv/job.md' } : undefined), '/ws');
  assert.equal(abs.job, '/srv/job.md');
  const blank = serverSettings(k => (k === 'job' ? { globalValue: '  ' } : undefined), '/ws');
  assert.equal('job' in blank, false);
});

test('scalars take the highest scope; objects merge key by key', () => {
  assert.equal(explicitValue({ globalValue: 3, workspaceValue: 1 }), 1);
  assert.equal(explicitValue({ globalValue: 3, workspaceFolderValue: 2, workspaceValue: 1 }), 2);
  assert.deepEqual(
    explicitValue({ globalValue: { buzzword: 'off', 'weak-verb': 'error' }, workspaceValue: { buzzword: 'info' } }),
    { buzzword: 'info', 'weak-verb': 'error' },
  );
  assert.equal(explicitValue({ globalValue: false }), false, 'false is a value, not "unset"');
  assert.equal(explicitValue(undefined), undefined);
});

test('an empty object setting is not sent', () => {
  const s = serverSettings(k => (k === 'rules' ? { globalValue: {} } : { }), '/ws');
  assert.deepEqual(s, {});
});

test('every server key is declared in package.json with a description', () => {
  const props = pkg.contributes.configuration.properties as Record<string, { markdownDescription?: string; description?: string }>;
  for (const key of [...SERVER_KEYS, 'path', 'trace.server']) {
    const p = props[`cvlint.${key}`];
    assert.ok(p, `cvlint.${key} is declared`);
    assert.ok((p.markdownDescription || p.description || '').length > 20, `cvlint.${key} has a description`);
  }
});
