import assert from 'node:assert/strict';
import test from 'node:test';

import { Env, expandPath, resolveServer } from '../src/binary';

function env(over: Partial<Env>, executables: string[] = []): Env {
  return {
    configured: undefined,
    pathVar: '/usr/local/bin:/usr/bin',
    platform: 'linux',
    home: '/home/ana',
    workspaceFolder: '/ws',
    isExecutable: f => executables.includes(f),
    ...over,
  };
}

test('the first cvlint on PATH is used when cvlint.path is empty', () => {
  const r = resolveServer(env({ configured: '' }, ['/usr/bin/cvlint', '/opt/cvlint']));
  assert.deepEqual(r, { ok: true, path: '/usr/bin/cvlint' });
  const first = resolveServer(env({}, ['/usr/local/bin/cvlint', '/usr/bin/cvlint']));
  assert.deepEqual(first, { ok: true, path: '/usr/local/bin/cvlint' });
});

test('cvlint.path wins over PATH, with ~ and ${workspaceFolder} expanded', () => {
  assert.deepEqual(resolveServer(env({ configured: '~/bin/cvlint' }, ['/home/ana/bin/cvlint', '/usr/bin/cvlint'])), {
    ok: true,
    path: '/home/ana/bin/cvlint',
  });
  assert.deepEqual(resolveServer(env({ configured: '${workspaceFolder}/build/cvlint' }, ['/ws/build/cvlint'])), {
    ok: true,
    path: '/ws/build/cvlint',
  });
});

test('a missing binary gives a reason that names what was tried', () => {
  const none = resolveServer(env({}, []));
  assert.equal(none.ok, false);
  assert.match((none as { reason: string }).reason, /PATH/);
  const bad = resolveServer(env({ configured: '/nope/cvlint' }, ['/usr/bin/cvlint']));
  assert.equal(bad.ok, false, 'a wrong cvlint.path is an error, not a silent fallback to PATH');
  assert.match((bad as { reason: string }).reason, /\/nope\/cvlint/);
  const noFolder = resolveServer(env({ configured: '${workspaceFolder}/cvlint', workspaceFolder: undefined }, []));
  assert.match((noFolder as { reason: string }).reason, /no folder/);
});

test('Windows looks for cvlint.exe with ; separators', () => {
  const r = resolveServer(env({ platform: 'win32', pathVar: 'C:\\a;C:\\tools' }, [require('path').join('C:\\tools', 'cvlint.exe')]));
  assert.equal(r.ok, true);
});

test('expandPath leaves other paths alone', () => {
  assert.equal(expandPath(' /usr/bin/cvlint ', '/h', undefined), '/usr/bin/cvlint');
  assert.equal(expandPath('~', '/h', undefined), '/h');
  assert.equal(expandPath('a~/b', '/h', undefined), 'a~/b');
});
