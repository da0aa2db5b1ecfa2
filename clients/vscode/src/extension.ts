// The cvlint VS Code extension: starts `cvlint lsp` for Markdown and LaTeX
// documents, answers the server's `workspace/configuration` pulls with the
// user's `cvlint.*` settings, shows the page estimate and match score of the
// active CV in the status bar, and offers three commands (Fix all, Show
// keyword report, Restart server). Everything that can be decided without VS
// Code lives in settings.ts, binary.ts, status.ts and report.ts, which have
// unit tests; this file is the glue.
import * as cp from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  CloseAction,
  DidChangeConfigurationNotification,
  ErrorAction,
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
} from 'vscode-languageclient/node';

import { resolveServer } from './binary';
import { pickFile, renderKeywordReport } from './report';
import { serverSettings } from './settings';
import { CvStatus, statusFromLensTitles, statusFromNotification, statusView } from './status';

const LANGUAGES = ['markdown', 'latex', 'tex'];
const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('cvlint');
const REPORT_SCHEME = 'cvlint-report';
// Server-side commands that return the keyword report, if the server offers one.
const SERVER_REPORT_COMMANDS = ['cvlint.keywordReport', 'cvlint/keywordReport', 'cvlint.report'];

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let statusItem: vscode.StatusBarItem;
let extensionUri: vscode.Uri;
const statusByUri = new Map<string, CvStatus>();
const notifiedUris = new Set<string>(); // uris whose status came by notification
const reports = new Map<string, string>(); // report uri -> Markdown
const reportChanged = new vscode.EventEmitter<vscode.Uri>();
let lensTimer: NodeJS.Timeout | undefined;

function isCv(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
  return !!doc && LANGUAGES.includes(doc.languageId) && (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled');
}

function folderOf(uri: vscode.Uri | undefined): string | undefined {
  const f = uri ? vscode.workspace.getWorkspaceFolder(uri) : undefined;
  return (f ?? vscode.workspace.workspaceFolders?.[0])?.uri.fsPath;
}

function settingsFor(scope: vscode.Uri | undefined): Record<string, unknown> {
  const cfg = vscode.workspace.getConfiguration('cvlint', scope);
  return serverSettings(key => cfg.inspect(key), folderOf(scope));
}

function isExecutable(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false;
    if (process.platform !== 'win32') fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function findServer(): ReturnType<typeof resolveServer> {
  const scope = vscode.window.activeTextEditor?.document.uri;
  return resolveServer({
    configured: vscode.workspace.getConfiguration('cvlint', scope).get<string>('path'),
    pathVar: process.env.PATH,
    platform: process.platform,
    home: os.homedir(),
    workspaceFolder: folderOf(scope),
    isExecutable,
  });
}

async function explainMissing(reason: string): Promise<void> {
  output.appendLine(`cvlint: cannot start the server: ${reason}`);
  const readme = 'Open README';
  const settings = 'Open Settings';
  const pick = await vscode.window.showErrorMessage(
    `cvlint: ${reason}. Install cvlint (build it with CMake, then put it on PATH) or set "cvlint.path" to the executable.`,
    readme,
    settings,
  );
  if (pick === readme) {
    // vsce stores the README as readme.md; a development checkout has README.md.
    const name = ['readme.md', 'README.md'].find(n => fs.existsSync(path.join(extensionUri.fsPath, n))) ?? 'README.md';
    await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.joinPath(extensionUri, name));
  } else if (pick === settings) {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'cvlint.path');
  }
}

function makeClient(command: string): LanguageClient {
  const serverOptions: ServerOptions = {
    run: { command, args: ['lsp'] },
    debug: { command, args: ['lsp'] },
  };
  const selector = LANGUAGES.flatMap(language => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]);
  const clientOptions: LanguageClientOptions = {
    documentSelector: selector,
    outputChannel: output,
    synchronize: {
      // The server re-lints open CVs when their config or advert changes.
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/.cvlint.json'),
        vscode.workspace.createFileSystemWatcher('**/*.job.{md,txt}'),
      ],
    },
    middleware: {
      workspace: {
        // Answer section `cvlint` with the server's keys only (see settings.ts).
        configuration: async (params, token, next) => {
          const answer = await next(params, token);
          if (!Array.isArray(answer)) return answer;
          return params.items.map((item, i) =>
            item.section === 'cvlint'
              ? settingsFor(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined)
              : answer[i],
          );
        },
      },
    },
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue }),
      closed: () => ({ action: CloseAction.Restart, message: 'cvlint: the server stopped; restarting it.' }),
    },
  };
  const c = new LanguageClient('cvlint', 'cvlint', serverOptions, clientOptions);
  c.onNotification('cvlint/status', params => {
    const s = statusFromNotification(params);
    if (!s) return;
    notifiedUris.add(s.uri);
    statusByUri.set(s.uri, s.status);
    refreshStatusItem();
  });
  return c;
}

async function startClient(): Promise<void> {
  const found = findServer();
  if (!found.ok) {
    await explainMissing(found.reason);
    return;
  }
  output.appendLine(`cvlint: starting ${found.path} lsp`);
  const c = makeClient(found.path);
  client = c;
  try {
    await c.start();
  } catch (e) {
    output.appendLine(`cvlint: the server failed to start: ${e instanceof Error ? e.message : String(e)}`);
    void vscode.window.showErrorMessage(`cvlint: the server (${found.path} lsp) failed to start. See the cvlint output.`);
    return;
  }
  scheduleLensStatus(0);
}

async function stopClient(): Promise<void> {
  const c = client;
  client = undefined;
  if (!c) return;
  try {
    if (c.state === State.Running || c.state === State.Starting) await c.stop(2000);
  } catch (e) {
    output.appendLine(`cvlint: stopping the server: ${e instanceof Error ? e.message : String(e)}`);
  }
  await c.dispose().catch(() => undefined);
}

// --- status bar -------------------------------------------------------------

function refreshStatusItem(): void {
  const doc = vscode.window.activeTextEditor?.document;
  const view = isCv(doc) ? statusView(statusByUri.get(doc.uri.toString())) : undefined;
  if (!view) {
    statusItem.hide();
    return;
  }
  statusItem.text = view.text;
  statusItem.tooltip = view.tooltip;
  statusItem.backgroundColor = view.overLimit ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  statusItem.show();
}

// Reads the status from the server's code lenses, unless it sends
// `cvlint/status` notifications for this document.
async function updateStatusFromLenses(): Promise<void> {
  const c = client;
  const doc = vscode.window.activeTextEditor?.document;
  if (!c || c.state !== State.Running || !isCv(doc)) return refreshStatusItem();
  const uri = doc.uri.toString();
  if (notifiedUris.has(uri) || !c.initializeResult?.capabilities.codeLensProvider) return refreshStatusItem();
  try {
    const lenses = (await c.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as
      | { range: unknown; command?: { title: string }; data?: unknown }[]
      | null;
    const titles: string[] = [];
    for (const lens of lenses ?? []) {
      let l = lens;
      if (!l.command && c.initializeResult?.capabilities.codeLensProvider?.resolveProvider) {
        l = (await c.sendRequest('codeLens/resolve', lens)) as typeof lens;
      }
      if (l.command?.title) titles.push(l.command.title);
    }
    statusByUri.set(uri, statusFromLensTitles(titles));
  } catch (e) {
    output.appendLine(`cvlint: code lens request failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  refreshStatusItem();
}

function scheduleLensStatus(delayMs = 300): void {
  if (lensTimer) clearTimeout(lensTimer);
  lensTimer = setTimeout(() => void updateStatusFromLenses(), delayMs);
}

// --- commands ---------------------------------------------------------------

function activeCv(): vscode.TextDocument | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  if (isCv(doc)) return doc;
  void vscode.window.showInformationMessage('cvlint: open a Markdown or LaTeX CV first.');
  return undefined;
}

async function fixAll(): Promise<void> {
  const doc = activeCv();
  if (!doc) return;
  if (!client || client.state !== State.Running) {
    void vscode.window.showWarningMessage('cvlint: the server is not running (try "cvlint: Restart server").');
    return;
  }
  const whole = new vscode.Range(0, 0, doc.lineCount, 0);
  const actions =
    (await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      whole,
      FIX_ALL_KIND.value,
      10,
    )) ?? [];
  const action = actions.find(a => a.kind && FIX_ALL_KIND.contains(a.kind));
  if (!action || (!action.edit && !action.command)) {
    void vscode.window.showInformationMessage('cvlint: nothing to fix.');
    return;
  }
  if (action.edit && !(await vscode.workspace.applyEdit(action.edit))) {
    void vscode.window.showErrorMessage('cvlint: the fixes could not be applied (the document changed?).');
    return;
  }
  if (action.command) {
    await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  }
}

function runCheckJson(cvlint: string, file: string, settings: Record<string, unknown>): Promise<unknown> {
  const args = ['check', '--format', 'json'];
  if (typeof settings.job === 'string') args.push('--job', settings.job);
  if (typeof settings.role === 'string') args.push('--role', settings.role);
  if (typeof settings.pages === 'number') args.push('--pages', String(settings.pages));
  if (typeof settings.locale === 'string') args.push('--locale', settings.locale);
  args.push(file);
  return new Promise((resolve, reject) => {
    cp.execFile(cvlint, args, { cwd: path.dirname(file), maxBuffer: 16 << 20, timeout: 30000 }, (err, stdout, stderr) => {
      // Exit 1 means "findings at error level", which still gives a report.
      const code = err && typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 0;
      if (err && code !== 1) return reject(new Error(stderr.trim() || err.message));
      try {
        resolve(JSON.parse(stdout));
      } catch {
        reject(new Error(`cvlint check printed no JSON: ${stderr.trim() || stdout.slice(0, 200)}`));
      }
    });
  });
}

async function showKeywordReport(): Promise<void> {
  const doc = activeCv();
  if (!doc) return;
  let markdown: string;
  try {
    const serverCommand = SERVER_REPORT_COMMANDS.find(cmd =>
      client?.initializeResult?.capabilities.executeCommandProvider?.commands.includes(cmd),
    );
    if (client && client.state === State.Running && serverCommand) {
      const res = await client.sendRequest(ExecuteCommandRequest.type, {
        command: serverCommand,
        arguments: [doc.uri.toString()],
      });
      markdown = typeof res === 'string' ? res : renderKeywordReport(pickFile(res, doc.uri.fsPath));
    } else {
      // No server command: the CLI gives the same engine's report for the saved file.
      if (doc.uri.scheme !== 'file') {
        void vscode.window.showInformationMessage('cvlint: save the CV first to see its keyword report.');
        return;
      }
      const found = findServer();
      if (!found.ok) return explainMissing(found.reason);
      const json = await runCheckJson(found.path, doc.uri.fsPath, settingsFor(doc.uri));
      markdown = renderKeywordReport(pickFile(json, doc.uri.fsPath));
      if (doc.isDirty) markdown += '\n_Report of the file as last saved._\n';
    }
  } catch (e) {
    void vscode.window.showErrorMessage(`cvlint: keyword report failed: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  const reportUri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${path.basename(doc.uri.path)}.keywords.md` });
  reports.set(reportUri.toString(), markdown);
  reportChanged.fire(reportUri);
  try {
    await vscode.commands.executeCommand('markdown.showPreviewToSide', reportUri);
  } catch {
    await vscode.window.showTextDocument(reportUri, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }
}

async function restartServer(): Promise<void> {
  await stopClient();
  statusByUri.clear();
  notifiedUris.clear();
  refreshStatusItem(); // no stale figures while no server runs
  await startClient();
  if (client?.state === State.Running) void vscode.window.setStatusBarMessage('cvlint: server restarted', 3000);
}

// --- activation -------------------------------------------------------------

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  extensionUri = context.extensionUri;
  output = vscode.window.createOutputChannel('cvlint');
  statusItem = vscode.window.createStatusBarItem('cvlint.status', vscode.StatusBarAlignment.Right, 100);
  statusItem.name = 'cvlint';
  statusItem.command = 'cvlint.showKeywordReport';
  context.subscriptions.push(
    output,
    statusItem,
    reportChanged,
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, {
      onDidChange: reportChanged.event,
      provideTextDocumentContent: uri => reports.get(uri.toString()) ?? '',
    }),
    vscode.commands.registerCommand('cvlint.fixAll', fixAll),
    vscode.commands.registerCommand('cvlint.showKeywordReport', showKeywordReport),
    vscode.commands.registerCommand('cvlint.restartServer', restartServer),
    vscode.window.onDidChangeActiveTextEditor(() => {
      refreshStatusItem();
      scheduleLensStatus(50);
    }),
    vscode.languages.onDidChangeDiagnostics(e => {
      const doc = vscode.window.activeTextEditor?.document;
      if (doc && e.uris.some(u => u.toString() === doc.uri.toString())) scheduleLensStatus();
    }),
    vscode.workspace.onDidChangeConfiguration(e => {
      if (!e.affectsConfiguration('cvlint')) return;
      if (e.affectsConfiguration('cvlint.path')) {
        output.appendLine('cvlint: cvlint.path changed; restarting the server');
        void restartServer();
        return;
      }
      // The server re-pulls `workspace/configuration`; the settings ride along
      // for servers that read them from the notification.
      if (client?.state === State.Running) {
        void client.sendNotification(DidChangeConfigurationNotification.type, {
          settings: { cvlint: settingsFor(vscode.window.activeTextEditor?.document.uri) },
        });
      }
    }),
    { dispose: () => void stopClient() },
  );
  await startClient();
}

export async function deactivate(): Promise<void> {
  if (lensTimer) clearTimeout(lensTimer);
  await stopClient();
}
