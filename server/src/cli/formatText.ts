/** `file:line:col severity ID message`, one problem per line (the summary goes to stderr separately). */
import type { Report } from './report';

const COLORS: Record<string, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[2m' };

export function formatText(report: Report, color = false): string {
  let out = '';
  for (const p of report.problems) {
    const sev = color ? `${COLORS[p.severity] ?? ''}${p.severity}\x1b[0m` : p.severity;
    // Messages are one line in the text format, so a tool reading lines never splits a problem.
    const msg = p.message.replace(/\r?\n/g, ' ');
    out += `${p.file}:${p.line}:${p.column} ${sev} ${p.ruleId} ${msg}\n`;
  }
  return out;
}
