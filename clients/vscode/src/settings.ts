// The `cvlint` settings section as the server sees it through
// `workspace/configuration`. Only values the user actually set are sent, so
// that a `.cvlint.json` beside the CV is not overridden by VS Code's defaults
// (the product's order is .cvlint.json < editor settings < CLI flags), and
// client-only keys (`path`, `trace`) never reach the server, which would
// rightly report them as unknown.
import * as path from 'path';

// The server's settings keys, as dotted VS Code keys under `cvlint.`.
export const SERVER_KEYS = [
  'locale',
  'pages',
  'role',
  'job',
  'rules',
  'words',
  'latex.commands',
  'render',
  'exactPages',
] as const;

// What `WorkspaceConfiguration.inspect` reports for one key (the part we use).
export interface Inspected {
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
  globalLanguageValue?: unknown;
  workspaceLanguageValue?: unknown;
  workspaceFolderLanguageValue?: unknown;
}

// Lowest to highest priority, as VS Code itself resolves them.
const SCOPES: (keyof Inspected)[] = [
  'globalValue',
  'workspaceValue',
  'workspaceFolderValue',
  'globalLanguageValue',
  'workspaceLanguageValue',
  'workspaceFolderLanguageValue',
];

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// The value the user set for one key, or undefined when only the default
// applies. Objects (rules, render, ...) merge across scopes, key by key, as
// VS Code merges them; anything else takes the highest scope.
export function explicitValue(info: Inspected | undefined): unknown {
  if (!info) return undefined;
  let out: unknown = undefined;
  for (const scope of SCOPES) {
    const v = info[scope];
    if (v === undefined || v === null) continue;
    if (isPlainObject(v) && isPlainObject(out)) out = { ...out, ...v };
    else if (isPlainObject(v)) out = { ...v };
    else out = v;
  }
  return out;
}

function setDotted(target: Record<string, unknown>, dotted: string, value: unknown): void {
  const parts = dotted.split('.');
  let node = target;
  for (const p of parts.slice(0, -1)) {
    if (!isPlainObject(node[p])) node[p] = {};
    node = node[p] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]] = value;
}

// Builds the object answered for section `cvlint`. `inspect` looks a key up
// (relative to `cvlint.`); `folder` is the document's workspace folder, used
// to make a relative `job` path absolute so the server does not have to guess
// what it was relative to.
export function serverSettings(
  inspect: (key: string) => Inspected | undefined,
  folder: string | undefined,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of SERVER_KEYS) {
    let v = explicitValue(inspect(key));
    if (v === undefined) continue;
    if (key === 'job') {
      if (typeof v !== 'string' || v.trim() === '') continue;
      if (folder && !path.isAbsolute(v)) v = path.join(folder, v);
    }
    if (isPlainObject(v) && Object.keys(v).length === 0) continue;
    setDotted(out, key, v);
  }
  return out;
}
