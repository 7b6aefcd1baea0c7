/**
 * What deploy needs from the engine when the language server cannot answer: bundled on its own
 * (dist/client-engine.js) and loaded on first use, since it brings the rules and schema validators.
 */
export {
  lintText,
  parseAppSpec,
  accountTargets,
  accountCompletionContext,
  didYouMean,
  createNodeFs,
  loadLintConfig,
  allRules,
} from '../../../engine/index';
