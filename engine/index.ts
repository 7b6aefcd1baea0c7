/**
 * The engine's one front door: everything the language server, the CLI, the local endpoint and the
 * client use from the engine is exported here, and nothing outside `engine/` imports past it
 * (eslint `no-restricted-imports`; tests may). engine/package.json marks the engine free of side
 * effects, so a bundle keeps only what it uses from here.
 */
export * from './types';
export * from './ast';
export * from './knowledge';
export * from './config';
export * from './fileNames';
export * from './internalErrors';
export * from './protocol';
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
  lintSteps,
  runToEnd,
  lintText,
  applicableRules,
  isSafeOnBrokenDocument,
  overlaps,
  SCHEMA_KEY,
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
export { lintHead, type HeadFindings } from './headFirst';
export { parseSuppressions, isSuppressed, applySuppressions, suppressionEdit, type Suppressions } from './suppressions';
export { memoizeFs, type FsMemoState, type MemoFs } from './memoFs';
export { takeSnapshot, snapshotHolds, type FsSnapshot } from './fsSnapshot';
export { createNodeFs, nodeFs, type NodeFsOptions } from './nodeFs';
export { allRules, ruleById } from './rules';
export { recognizeOtherFile, NOT_AN_APPSPEC_ID } from './rules/general/E0012-not-an-appspec';
export {
  accountTargets,
  accountCompletionContext,
  type AccountTargets,
  type AccountCompletionContext,
  type AccountValueKind,
  type LambdaTargetSpec,
  type EcsTargetSpec,
  type HookFunctionSpec,
  type LocatedValue,
} from './accountTargets';
export {
  taskDefinitionOffer,
  DEFAULT_TASK_DEFINITION_FILE,
  type TaskDefinitionOffer,
} from './rules/files/taskDefinitionFile';
