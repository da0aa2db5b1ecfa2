// Bundles the extension into dist/extension.js (vscode stays external: VS Code
// provides it). With --tests, compiles test/*.test.ts into out/test/ for
// `node --test`; the tested modules never import vscode.
import * as esbuild from 'esbuild';
import fs from 'fs';

const production = process.argv.includes('--production');
const tests = process.argv.includes('--tests');

if (tests) {
  const entryPoints = fs.readdirSync('test').filter(f => f.endsWith('.test.ts')).map(f => `test/${f}`);
  fs.rmSync('out/test', { recursive: true, force: true });
  await esbuild.build({
    entryPoints, outdir: 'out/test', bundle: true, platform: 'node', format: 'cjs',
    target: 'node18', external: ['vscode'], sourcemap: 'inline', logLevel: 'warning',
  });
} else {
  await esbuild.build({
    entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', bundle: true,
    platform: 'node', format: 'cjs', target: 'node18', external: ['vscode'],
    minify: production, sourcemap: !production, logLevel: 'warning',
  });
}
