/** The engine's public surface: parse, detect, lint, and the shared AppSpec knowledge. */
export * from './types';
export * from './ast';
export * from './knowledge';
export { didYouMean, editDistance } from './suggest';
export {
  parseAppSpec,
  detectFormat,
  DocumentCache,
  TextLineIndex,
  DEFAULT_MAX_BYTES,
  MAX_ALIAS_COUNT,
  type ParseOptions,
} from './document';
export { detectPlatform, classifyResource, type ResourceSignal } from './platform';
export {
  lint,
  lintText,
  applicableRules,
  isSafeOnBrokenDocument,
  overlaps,
  type LintOptions,
  type LintTextOptions,
} from './lint';
export {
  schemaFindings,
  SCHEMA_RULE_IDS,
  SCHEMA_IDS,
  SCHEMAS,
  convertWithPaths,
  type PathEntry,
  type ConvertResult,
} from './schema';
export * from './config';
export { parseSuppressions, isSuppressed, applySuppressions, suppressionEdit, type Suppressions } from './suppressions';
export { allRules, ruleById } from './rules';
export { recognizeOtherFile, NOT_AN_APPSPEC_ID } from './rules/general/E0012-not-an-appspec';
