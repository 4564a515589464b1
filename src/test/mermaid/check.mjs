// Parses each file given with Mermaid's own parser (mermaid.parse, the parser the renderer uses) and prints one
// line per file: "ok <file>" or "error <file>: <Mermaid's message>". Exit status 1 when any file fails.
// mermaid sanitises labels with DOMPurify, which needs a DOM: jsdom gives it one outside a browser.
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');

let failed = 0;
for (const file of process.argv.slice(2)) {
  try {
    await mermaid.parse(readFileSync(file, 'utf8'));
    console.log(`ok ${file}`);
  } catch (error) {
    failed++;
    console.log(`error ${file}: ${String(error.message).split('\n').join(' ')}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
