/**
 * Engine findings → LSP diagnostics. Fixes stay on the server (the language service keeps the
 * findings of the version it published) instead of riding in `data`: on a large file with
 * thousands of findings that halves what each publish sends.
 */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import { DOCS_BASE_URL, type AppSpecDocument, type Diagnosis, type Fix, type Severity } from '../../../engine/index';

export const DIAGNOSTIC_SOURCE = 'appspec';

/** What `Diagnostic.data` carries. */
export interface DiagnosticData {
  ruleId: string;
  /** Present only when a caller put them there; the server looks fixes up by rule and position. */
  fixes?: Fix[];
  /** Document version the diagnostic was computed for. */
  version: number;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function ruleDocsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}#${ruleId.toLowerCase()}`;
}

/** Code of the note that says how many problems the editor left out (not a rule: nothing to fix or suppress). */
export const MORE_PROBLEMS_ID = 'appspec.maxProblems';

export function toDiagnostic(doc: Pick<AppSpecDocument, 'uri' | 'version'>, d: Diagnosis): Diagnostic {
  const diagnostic: Diagnostic = {
    range: d.range,
    severity: SEVERITY[d.severity] ?? DiagnosticSeverity.Warning,
    code: d.ruleId,
    source: DIAGNOSTIC_SOURCE,
    message: d.message,
  };
  if (d.ruleId === MORE_PROBLEMS_ID) return diagnostic;
  diagnostic.codeDescription = { href: ruleDocsUrl(d.ruleId) };
  if (d.related?.length) {
    diagnostic.relatedInformation = d.related.map((r) => ({
      location: { uri: r.uri ?? doc.uri, range: r.range },
      message: r.message,
    }));
  }
  if (d.tags?.length) {
    diagnostic.tags = d.tags.map((t) => (t === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated));
  }
  const data: DiagnosticData = { ruleId: d.ruleId, version: doc.version };
  diagnostic.data = data;
  return diagnostic;
}

/** The rule that repeats YAML/JSON parser errors (hidden when another extension shows them). */
export const SYNTAX_RULE_ID = 'E0001';

/** True for findings that only repeat a YAML/JSON parser error. */
export function isSyntaxFinding(d: Diagnosis): boolean {
  return d.ruleId === SYNTAX_RULE_ID;
}
