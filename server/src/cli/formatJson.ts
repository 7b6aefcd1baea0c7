/**
 * A JSON array of problems: {file, line, column, endLine, endColumn, severity, ruleId, message, related?}, where
 * `related` lists other places that explain the finding ({file, line, column, endLine, endColumn, message}).
 */
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
    ...(p.related?.length ? { related: p.related } : {}),
  }));
  return JSON.stringify(rows, null, 2) + '\n';
}
