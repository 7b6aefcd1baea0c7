/** The engine's public surface: parse, detect, lint, and the shared AppSpec knowledge. */
export * from './types';
export * from './ast';
export * from './knowledge';
export { didYouMean, editDistance } from './suggest';
export { parseAppSpec, detectFormat, DocumentCache, TextLineIndex, DEFAULT_MAX_BYTES, MAX_ALIAS_COUNT, type ParseOptions } from './document';
export { detectPlatform, classifyResource, type ResourceSignal } from './platform';
export { lint, lintText, applicableRules, isSafeOnBrokenDocument, type LintOptions, type LintTextOptions } from './lint';
export { schemaFindings, SCHEMA_RULE_IDS } from './schema';
export * from './config';
export { parseSuppressions, isSuppressed, applySuppressions, suppressionEdit, type Suppressions } from './suppressions';
export { allRules, ruleById } from './rules';
