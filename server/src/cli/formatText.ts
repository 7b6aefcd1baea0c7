/** `file:line:col severity ID message`, one problem per line (the summary goes to stderr separately). */
import type { Report } from './report';

const COLORS: Record<string, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[2m' };

/** Control, format (bidi), line/paragraph separator and other unprintable characters. */
const UNPRINTABLE = /[\p{C}\p{Zl}\p{Zp}]/gu;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text from a file (messages quote AppSpec values, file names come from the disk) as one printable line:
 * newline, CR, tab become `\n`, `\r`, `\t` and every other unprintable character `\u{…}`. So a crafted
 * value can neither start a line that a problem matcher would read as a finding nor send terminal
 * escape sequences.
 */
export function escapeLine(text: string): string {
  return text.replace(
    UNPRINTABLE,
    (c) => NAMED[c] ?? `\\u{${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}}`,
  );
}

export function formatText(report: Report, color = false): string {
  let out = '';
  for (const p of report.problems) {
    const sev = color ? `${COLORS[p.severity] ?? ''}${p.severity}\x1b[0m` : p.severity;
    out += `${escapeLine(p.file)}:${p.line}:${p.column} ${sev} ${p.ruleId} ${escapeLine(p.message)}\n`;
  }
  return out;
}
