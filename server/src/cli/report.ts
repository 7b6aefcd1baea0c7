/** The CLI's neutral result model that every formatter reads. Positions are 1-based. */
import type { Severity } from '../../../engine/index';

export interface Problem {
  /** Path as shown to the user: relative to the working folder when inside it, `/`-separated. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  /** One past the last character, like SARIF's endColumn. */
  endColumn: number;
  severity: Severity;
  ruleId: string;
  message: string;
  /** Other places that explain the finding (a task definition's container, a buildspec's artifacts). */
  related?: RelatedPlace[];
}

/** A related place, positioned like a problem; `file` is a display path like Problem's. */
export interface RelatedPlace {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

export interface RuleInfo {
  id: string;
  name: string;
  title: string;
  doc: string;
  severity: Severity;
}

export interface Report {
  /** Every file that was checked, in order (display paths), including clean ones. */
  files: string[];
  problems: Problem[];
}

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
}

export function countBySeverity(problems: readonly Problem[]): Counts {
  const c: Counts = { errors: 0, warnings: 0, infos: 0 };
  for (const p of problems) {
    if (p.severity === 'error') c.errors++;
    else if (p.severity === 'warning') c.warnings++;
    else c.infos++;
  }
  return c;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One line for stderr, e.g. "3 problems (1 error, 2 warnings, 0 infos) in 2 of 5 files". */
export function summaryLine(report: Report): string {
  const c = countBySeverity(report.problems);
  const withProblems = new Set(report.problems.map((p) => p.file)).size;
  if (report.problems.length === 0) return `No problems in ${plural(report.files.length, 'file')}.`;
  return (
    `${plural(report.problems.length, 'problem')} (${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}, ` +
    `${plural(c.infos, 'info')}) in ${withProblems} of ${plural(report.files.length, 'file')}.`
  );
}
