/**
 * SARIF 2.1.0 for code-scanning services (GitHub, GitLab, Azure DevOps): one run, the rules that
 * have results (all rules with `allRules`) with their documentation links, and one result per
 * problem with a 1-based region.
 */
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DOCS_BASE_URL, type Severity } from '../../../engine/index';
import type { Report, RuleInfo } from './report';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const TOOL_URI = 'https://github.com/appspec-tools/appspec-codedeploy';

type SarifLevel = 'error' | 'warning' | 'note' | 'none';

export function sarifLevel(s: Severity | 'off'): SarifLevel {
  if (s === 'error') return 'error';
  if (s === 'warning') return 'warning';
  if (s === 'off') return 'none';
  return 'note';
}

export function ruleHelpUri(id: string): string {
  return `${DOCS_BASE_URL}#${id.toLowerCase()}`;
}

/** Relative display paths become URI references against %SRCROOT%; absolute ones (outside the working folder) file URIs. */
function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (isAbsolute(file)) return { uri: pathToFileURL(file).href };
  const uri = file
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
  return { uri, uriBaseId: '%SRCROOT%' };
}

export function formatSarif(
  report: Report,
  rules: readonly RuleInfo[],
  version: string,
  cwd: string,
  opts: { allRules?: boolean } = {},
): string {
  const used = new Set(report.problems.map((p) => p.ruleId));
  const known = opts.allRules ? [...rules] : rules.filter((r) => used.has(r.id));
  const index = new Map(known.map((r, i) => [r.id, i]));
  // Findings from outside the rule table (should not happen) still get a descriptor.
  for (const p of report.problems) {
    if (!index.has(p.ruleId)) {
      index.set(p.ruleId, known.length);
      known.push({ id: p.ruleId, name: p.ruleId, title: p.ruleId, doc: '', severity: p.severity });
    }
  }
  const sarifRules = known.map((r) => ({
    id: r.id,
    name: r.name,
    shortDescription: { text: r.title },
    fullDescription: { text: r.doc || r.title, markdown: r.doc || r.title },
    helpUri: ruleHelpUri(r.id),
    help: { text: `${r.title}\nSee ${ruleHelpUri(r.id)}` },
    defaultConfiguration: { level: sarifLevel(r.severity) },
    properties: { tags: ['codedeploy', 'appspec'] },
  }));
  const results = report.problems.map((p) => ({
    ruleId: p.ruleId,
    ruleIndex: index.get(p.ruleId) as number,
    level: sarifLevel(p.severity),
    message: { text: p.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(p.file),
          region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn },
        },
      },
    ],
    ...(p.related?.length
      ? {
          relatedLocations: p.related.map((r, id) => ({
            id,
            message: { text: r.message },
            physicalLocation: {
              artifactLocation: artifactLocation(r.file),
              region: { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn },
            },
          })),
        }
      : {}),
  }));
  let root = pathToFileURL(cwd).href;
  if (!root.endsWith('/')) root += '/';
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'appspec-lint',
            version,
            semanticVersion: version,
            informationUri: TOOL_URI,
            rules: sarifRules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: root } },
        artifacts: report.files.map((f) => ({ location: artifactLocation(f) })),
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
