import type { Rule } from '../../types';
import { taskDefinitionContainerMissing } from './E9001-task-definition-container-missing';
import { taskDefinitionPortNotMapped } from './E9002-task-definition-port-not-mapped';
import { taskDefinitionNetworkMode } from './E9003-task-definition-network-mode';
import { taskDefinitionFileUnusable } from './W9004-task-definition-file-unusable';
import { buildspecAppSpecNotAtRoot } from './W9101-buildspec-appspec-not-at-root';
import { buildspecLeavesOutHookScript } from './W9102-buildspec-leaves-out-hook-script';
import { buildspecLeavesOutFilesSource } from './W9103-buildspec-leaves-out-files-source';
import { templateAliasMismatch } from './W9201-template-alias-mismatch';
import { templateCurrentVersionMismatch } from './W9202-template-current-version-mismatch';
import { templateHooksMismatch } from './W9203-template-hooks-mismatch';

/**
 * Rules of this area (9xxx): checks across files, the AppSpec against the files beside it (an ECS task definition,
 * a CodeBuild buildspec, a SAM or CloudFormation template). All read the workspace; in ID order.
 */
export const crossFileRules: Rule[] = [
  taskDefinitionContainerMissing,
  taskDefinitionPortNotMapped,
  taskDefinitionNetworkMode,
  taskDefinitionFileUnusable,
  buildspecAppSpecNotAtRoot,
  buildspecLeavesOutHookScript,
  buildspecLeavesOutFilesSource,
  templateAliasMismatch,
  templateCurrentVersionMismatch,
  templateHooksMismatch,
];
