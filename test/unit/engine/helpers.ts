/** Shared helpers for engine tests. */
import { parseAppSpec } from '../../../engine/document';
import { lint, lintText } from '../../../engine/lint';
import type { AppSpecDocument, Diagnosis, Range, Rule } from '../../../engine/types';

export function doc(text: string, name = 'appspec.yml'): AppSpecDocument {
  return parseAppSpec(`file:///ws/${name}`, text);
}

export function run(text: string, name = 'appspec.yml'): Diagnosis[] {
  return lintText(text, { fileName: name, uri: `file:///ws/${name}` });
}

export function ids(text: string, name = 'appspec.yml'): string[] {
  return run(text, name).map((d) => d.ruleId);
}

/** Findings of one rule only (runs the rule directly, without config or dedup). */
export function check(rule: Rule, text: string, name = 'appspec.yml') {
  return rule.check(doc(text, name), { fileName: name });
}

/** A rule that always throws (`Error: boom`): for what the engine and its hosts do with a broken rule. */
export const THROWING_RULE: Rule = {
  id: 'E9999',
  name: 'throws',
  severity: 'error',
  platforms: ['ec2'],
  reads: 'tree',
  title: 't',
  doc: 'd',
  check() {
    throw new Error('boom');
  },
};

/** The text a range covers. */
export function slice(text: string, range: Range, name = 'appspec.yml'): string {
  const d = doc(text, name);
  return text.slice(d.lines.offsetAt(range.start), d.lines.offsetAt(range.end));
}

export { lint, lintText };
