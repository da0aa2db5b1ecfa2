// Finding the `cvlint` executable: the `cvlint.path` setting (with `~` and
// `${workspaceFolder}` expanded) or the first `cvlint` on PATH. Pure apart
// from the injected `isExecutable`, so it is unit tested without VS Code.
import * as path from 'path';

export type Resolved = { ok: true; path: string } | { ok: false; reason: string };

export interface Env {
  configured: string | undefined;
  pathVar: string | undefined;
  platform: NodeJS.Platform;
  home: string;
  workspaceFolder: string | undefined;
  isExecutable: (file: string) => boolean;
}

export function expandPath(p: string, home: string, workspaceFolder: string | undefined): string {
  let out = p.trim();
  if (out === '~') out = home;
  else if (out.startsWith('~/') || out.startsWith('~\\')) out = path.join(home, out.slice(2));
  if (workspaceFolder) out = out.split('${workspaceFolder}').join(workspaceFolder);
  return out;
}

export function resolveServer(env: Env): Resolved {
  const names = env.platform === 'win32' ? ['cvlint.exe', 'cvlint.cmd', 'cvlint'] : ['cvlint'];
  if (env.configured && env.configured.trim() !== '') {
    const p = expandPath(env.configured, env.home, env.workspaceFolder);
    if (p.includes('${workspaceFolder}')) {
      return { ok: false, reason: `cvlint.path "${env.configured}" uses \${workspaceFolder}, but no folder is open` };
    }
    if (env.isExecutable(p)) return { ok: true, path: p };
    return { ok: false, reason: `cvlint.path is set to "${p}", which is not an executable file` };
  }
  const sep = env.platform === 'win32' ? ';' : ':';
  for (const dir of (env.pathVar ?? '').split(sep)) {
    if (!dir) continue;
    for (const n of names) {
      const candidate = path.join(dir, n);
      if (env.isExecutable(candidate)) return { ok: true, path: candidate };
    }
  }
  return { ok: false, reason: 'no `cvlint` executable on PATH and cvlint.path is not set' };
}
