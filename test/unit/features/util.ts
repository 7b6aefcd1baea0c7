/** Helpers for the feature tests: caret positions, applying edits, temp bundle folders. */
import { mkdtempSync, mkdirSync, writeFileSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, TextEdit } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';

/** `text` with a `|` marking the cursor → the text without it and the cursor position. */
export function caret(marked: string): { text: string; position: Position } {
  const i = marked.indexOf('|');
  if (i < 0) throw new Error('no | caret in the text');
  const text = marked.slice(0, i) + marked.slice(i + 1);
  const lines = text.slice(0, i).split('\n');
  return { text, position: { line: lines.length - 1, character: lines[lines.length - 1].length } };
}

export function doc(uri: string, text: string, version = 1): TextDocument {
  return TextDocument.create(uri, uri.endsWith('.json') ? 'json' : 'yaml', version, text);
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('x:y', 'yaml', 0, text), edits);
}

/** A snippet as the editor would insert it with every placeholder accepted as is. */
export function expandSnippet(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\\([$}\\])/g, '$1');
}

/** A temp folder with files (content, or content + mode); returns its path and a cleanup. */
export function tempBundle(files: Record<string, string | { content: string; mode: number }>): {
  dir: string;
  uri: (rel: string) => string;
  cleanup: () => void;
} {
  const dir = mkdtempSync(path.join(tmpdir(), 'appspec-features-'));
  for (const [rel, spec] of Object.entries(files)) {
    const abs = path.join(dir, ...rel.split('/'));
    mkdirSync(path.dirname(abs), { recursive: true });
    const content = typeof spec === 'string' ? spec : spec.content;
    writeFileSync(abs, content);
    if (typeof spec !== 'string') chmodSync(abs, spec.mode);
  }
  return {
    dir,
    uri: (rel) => URI.file(path.join(dir, ...rel.split('/'))).toString(),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
