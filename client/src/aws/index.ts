/** Entry of the AWS layer, loaded lazily by the connection manager (the SDK is large). */
export { createCodeDeployApi, chunk, BATCH } from './sdkApi';
export { listProfiles, type ProfileSummary } from './profiles';
export { toUserError, ssoLoginHint, scrub } from './errors';
export { AwsUserError } from './api';
export type * from './api';
