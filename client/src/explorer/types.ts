/** The explorer's node descriptors and loader keys: plain data shared by the model and the provider. */
import type { CodeDeployApi } from '../aws/api';
import type { DeploymentFilter, GroupDeploymentList } from './deploymentList';

/** Context values; package.json menus match them (`viewItem =~ /^deployment.*\.active/`). */
export const CONTEXT = {
  application: 'application',
  deploymentGroup: 'deploymentGroup',
  deployment: 'deployment',
  target: 'target',
  lifecycleEvent: 'lifecycleEvent',
  loadMore: 'loadMore',
  error: 'error',
  errorDetail: 'errorDetail',
  placeholder: 'placeholder',
} as const;

/** What to load below a node. */
export type LoaderKey =
  | { kind: 'applications' }
  | { kind: 'groups'; application: string; platform?: string }
  | { kind: 'deployments'; application: string; group: string; platform?: string }
  | { kind: 'targets'; deploymentId: string; platform?: string }
  | { kind: 'events'; deploymentId: string; targetId: string };

/** Identifiers carried by a node so commands can act on it. */
export interface NodeData {
  application?: string;
  group?: string;
  deploymentId?: string;
  targetId?: string;
  platform?: string;
  status?: string;
  eventName?: string;
  /** A deployment group's description without a filter (config · targets). */
  summary?: string;
  /** What "Copy ID" copies. */
  copyId?: string;
  /** Absent in local mode. */
  consoleUrl?: string;
  /** For an error node: the loader to retry. For "Load more": the group's loader. */
  retry?: LoaderKey;
  /** For an error node: what failed (for credential advice), never a stack or a secret. */
  error?: { name?: string; code?: string; action?: string; message: string };
}

export interface NodeDescriptor {
  id: string;
  label: string;
  description?: string;
  /** Markdown. */
  tooltip?: string;
  iconId: string;
  iconColor?: string;
  contextValue: string;
  collapsible: 'none' | 'collapsed' | 'expanded';
  children?: LoaderKey;
  /** Command run on click (a "Load more…" or "Retry" item). */
  command?: { command: string; title: string };
  /** The node shows something still changing; the tree refreshes it by itself. */
  live?: boolean;
  data: NodeData;
}

export interface ModelOptions {
  now: number;
  /** Region for console links; undefined (local mode) hides them. */
  consoleRegion?: string;
  /**
   * The group's deployment list, kept between loads so "Load more…" fetches one page and a refresh only what
   * can have changed. Without it each load lists the first page afresh.
   */
  deploymentList?: (application: string, group: string) => GroupDeploymentList;
  /** The group's deployment filter (shown in the group's description). */
  filterOf?: (application: string, group: string) => DeploymentFilter | undefined;
}

export type ExplorerApi = Pick<
  CodeDeployApi,
  | 'listApplications'
  | 'batchGetApplications'
  | 'listDeploymentGroups'
  | 'batchGetDeploymentGroups'
  | 'listDeployments'
  | 'batchGetDeployments'
  | 'listDeploymentTargets'
  | 'batchGetDeploymentTargets'
>;

export function keyId(key: LoaderKey): string {
  switch (key.kind) {
    case 'applications':
      return 'root';
    case 'groups':
      return `app:${key.application}`;
    case 'deployments':
      return `group:${key.application}/${key.group}`;
    case 'targets':
      return `dep:${key.deploymentId}`;
    case 'events':
      return `target:${key.deploymentId}/${key.targetId}`;
  }
}
