/**
 * The one list of places where the validator accepts something the service model alone would refuse,
 * each with its evidence. Nothing else is exempt. docs/fidelity.md explains each group.
 */

/** Enum values the API reference documents beyond the model's enum. `in`: where they may appear. */
export const EXTRA_ENUM_VALUES: { shape: string; value: string; in: 'response'; evidence: string }[] = [
  {
    shape: 'MinimumHealthyHostsType',
    value: 'MOST_CONCURRENCY',
    in: 'response',
    evidence:
      'API reference, MinimumHealthyHosts (https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_MinimumHealthyHosts.html): ' +
      'GetDeploymentConfig of CodeDeployDefault.OneAtATime answers type MOST_CONCURRENCY with value 1, a type callers cannot set.',
  },
];

/**
 * Errors any operation may answer although its error list in the model does not name them: AWS's
 * "Common Errors" page of every API reference, with the names JSON-protocol services put in `__type`.
 */
export const COMMON_ERRORS: { type: string; status: number; evidence: string }[] = [
  {
    type: 'ValidationException',
    status: 400,
    evidence:
      'Common Errors (e.g. https://docs.aws.amazon.com/autoscaling/ec2/APIReference/CommonErrors.html) list the validation error for ' +
      'input outside the model\'s constraints; JSON-protocol services name it ValidationException ("1 validation error detected: ..."), ' +
      'e.g. AWS Lambda in https://github.com/awslabs/aws-transit-vpc/issues/32.',
  },
  {
    type: 'ThrottlingException',
    status: 400,
    evidence:
      'Common Errors list ThrottlingException for every operation; the CodeDeploy model defines the shape but lists it on only a few operations.',
  },
  {
    type: 'UnrecognizedClientException',
    status: 400,
    evidence:
      'CodeDeploy answers an unknown access key with UnrecognizedClientException ("The security token included in the request is invalid"), ' +
      'https://github.com/JetBrains/teamcity-aws-codedeploy-plugin/issues/25; the local endpoint uses it for a wrong key (contract C1, HTTP 403).',
  },
  {
    type: 'MissingAuthenticationTokenException',
    status: 400,
    evidence:
      'Common Errors list MissingAuthenticationToken (request without a key or signature); JSON-protocol services send it as ' +
      'MissingAuthenticationTokenException, https://github.com/smarty-archives/go-aws-auth/issues/48.',
  },
  {
    type: 'AccessDeniedException',
    status: 400,
    evidence: 'Common Errors: AccessDeniedException, the caller lacks permission for the operation.',
  },
  {
    type: 'UnknownOperationException',
    status: 400,
    evidence:
      'JSON-protocol services answer an X-Amz-Target they do not know with UnknownOperationException, ' +
      'https://github.com/aws/aws-sdk-net/issues/1536 (CloudWatch Logs, same protocol).',
  },
  {
    type: 'SerializationException',
    status: 400,
    evidence:
      'Coral JSON services answer a body that is not a JSON object of the right types with com.amazon.coral.service#SerializationException ' +
      '(DynamoDB answers a bare GET with it, as its local edition documents).',
  },
  {
    type: 'InternalFailure',
    status: 500,
    evidence: 'Common Errors: InternalFailure, HTTP 500, for an unknown error on the service side.',
  },
];

/**
 * What the installed v3 client's model has that Debian's botocore 1.29 (December 2022) lacks: AWS added
 * these later (members, an enum value, required lists, and errors its commands document). The validator lays exactly these over botocore's model (types from the v3 schema); the
 * unit test `newer members` fails when this list and the real difference of the two installed models
 * part, so an update of either package cannot slip through unnoticed.
 */
export const NEWER_THAN_BOTOCORE = {
  evidence:
    '@aws-sdk/client-codedeploy (package.json dependency): exported schemas Name$, enum constants and dist-types',
  members: [
    { at: 'AutoScalingGroup.terminationHook' },
    { at: 'CreateDeploymentConfigInput.zonalConfig' },
    { at: 'CreateDeploymentGroupInput.terminationHookEnabled' },
    { at: 'CreateDeploymentInput.deploymentMode' },
    { at: 'DeploymentConfigInfo.zonalConfig' },
    { at: 'DeploymentGroupInfo.terminationHookEnabled' },
    { at: 'DeploymentInfo.deploymentMode' },
    { at: 'UpdateDeploymentGroupInput.terminationHookEnabled' },
  ],
  enumValues: [{ shape: 'DeploymentCreator', value: 'autoscalingTermination' }],
  /** Errors the v3 commands document (`@throws`) beyond botocore's per-operation lists. */
  errors: [
    { operation: 'CreateApplication', error: 'ThrottlingException' },
    { operation: 'CreateDeployment', error: 'InvalidComputePlatformException' },
    { operation: 'CreateDeployment', error: 'InvalidECSServiceException' },
    { operation: 'CreateDeployment', error: 'InvalidInputException' },
    { operation: 'CreateDeploymentConfig', error: 'InvalidZonalDeploymentConfigurationException' },
    { operation: 'ListDeploymentInstances', error: 'ApplicationDoesNotExistException' },
    { operation: 'ListDeploymentInstances', error: 'DeploymentGroupDoesNotExistException' },
    { operation: 'ListDeploymentTargets', error: 'ApplicationDoesNotExistException' },
    { operation: 'ListDeploymentTargets', error: 'DeploymentGroupDoesNotExistException' },
    { operation: 'ListDeploymentTargets', error: 'InvalidTargetFilterNameException' },
  ],
  required: [
    { shape: 'BatchGetDeploymentTargetsInput', members: ['deploymentId', 'targetIds'] },
    { shape: 'GetDeploymentTargetInput', members: ['deploymentId', 'targetId'] },
    { shape: 'ListDeploymentTargetsInput', members: ['deploymentId'] },
  ],
};
