/** What an EC2 hook script sees: the agent's environment variables and the time limits (appspec.md §3.6.2–§3.6.3). */

/** Environment variables the agent sets for EC2 hook scripts (appspec.md §3.6.3). */
export const HOOK_ENV_VARS: readonly { name: string; description: string }[] = [
  { name: 'LIFECYCLE_EVENT', description: 'Name of the lifecycle event running the script.' },
  { name: 'DEPLOYMENT_ID', description: 'ID of the current deployment.' },
  { name: 'APPLICATION_NAME', description: 'Name of the CodeDeploy application.' },
  { name: 'DEPLOYMENT_GROUP_NAME', description: 'Name of the deployment group.' },
  { name: 'DEPLOYMENT_GROUP_ID', description: 'ID of the deployment group.' },
  { name: 'BUNDLE_BUCKET', description: 'S3 bucket of the revision (S3 revisions only).' },
  { name: 'BUNDLE_KEY', description: 'S3 key of the revision (S3 revisions only).' },
  { name: 'BUNDLE_VERSION', description: 'S3 object version of the revision (versioned buckets only).' },
  { name: 'BUNDLE_ETAG', description: 'S3 ETag of the revision (S3 revisions only).' },
  { name: 'BUNDLE_COMMIT', description: 'Commit of the revision (GitHub revisions only).' },
];

/** The maximum total script time per lifecycle event and the default script timeout, in seconds. */
export const MAX_EVENT_SECONDS = 3600;
export const DEFAULT_SCRIPT_TIMEOUT = 3600;
