// Lints the given files once with harper.js and prints the number of lints:
// the whole-process cost of Harper's engine for a script or CI user.
import fs from 'node:fs';
import { LocalLinter } from 'harper.js';
import { binaryInlined } from 'harper.js/binaryInlined';
const linter = new LocalLinter({ binary: binaryInlined });
let n = 0;
for (const f of process.argv.slice(2)) {
  n += (await linter.lint(fs.readFileSync(f, 'utf8'), { language: f.endsWith('.md') ? 'markdown' : 'plaintext' })).length;
}
console.log(n);
