/** A JSON array of problems: {file, line, column, endLine, endColumn, severity, ruleId, message}. */
import type { Report } from './report';

export function formatJson(report: Report): string {
  const rows = report.problems.map((p) => ({
    file: p.file,
    line: p.line,
    column: p.column,
    endLine: p.endLine,
    endColumn: p.endColumn,
    severity: p.severity,
    ruleId: p.ruleId,
    message: p.message,
  }));
  return JSON.stringify(rows, null, 2) + '\n';
}
