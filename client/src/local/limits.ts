/**
 * Every limit the local CodeDeploy service enforces on request contents, in one place.
 * `model`: from the CodeDeploy service model (min/max constraints or member documentation).
 * `doc`: from the exception's documentation in the model. `local`: our own bound on hostile input,
 * chosen above anything a real request needs.
 */
export const LIMITS = {
  /** model: ApplicationName, DeploymentGroupName, DeploymentConfigName are 1..100 characters. */
  nameLength: 100,
  /** model: BatchGetApplications / BatchGetDeploymentGroups take at most 100 names. */
  batchNames: 100,
  /** model: BatchGetDeployments, BatchGetDeploymentTargets, BatchGetDeploymentInstances,
   *  BatchGetApplicationRevisions and BatchGetOnPremisesInstances take at most 25 items. */
  batchItems: 25,
  /** model: Alarm names are at most 255 characters; doc (AlarmsLimitExceededException): 10 alarms per group. */
  alarmNameLength: 255,
  alarms: 10,
  /** doc (TagSetListLimitExceededException): at most 3 tag groups in an EC2 or on-premises tag set. */
  tagSetGroups: 3,
  /** doc (InvalidTargetInstancesException): the limit of 10 tags for a tag type. */
  tagFilters: 10,
  /** local: triggers per group (TriggerTargetsLimitExceededException). */
  triggers: 10,
  /** local: tags per on-premises instance (TagLimitExceededException) and instances per tag call. */
  instanceTags: 10,
  instancesPerTagCall: 100,
  /** local: description of a deployment or revision (DescriptionTooLongException). */
  descriptionLength: 100,
  /** local: IAM ARNs, external ids, S3 bucket/prefix filters. */
  arnLength: 1011,
  externalIdLength: 1024,
  s3KeyLength: 1024,
  /** model: blue/green wait times are at most 2880 minutes (two days). */
  waitMinutes: 2880,
  /** A Lambda/ECS hook function must report within one hour (simulated). */
  hookTimeoutMs: 60 * 60_000,
} as const;
