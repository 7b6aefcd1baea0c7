/** Entry of the AWS layer, loaded lazily by the connection manager (the SDK is large). */
export { createCodeDeployApi, chunk, BATCH } from './sdkApi';
export { listProfiles, type ProfileSummary } from './profiles';
export { toUserError, ssoLoginHint, scrub } from './errors';
export { AwsUserError } from './api';
export type * from './api';
export { createAccountReader } from './accountSdk';
export { CachedAccountReader, DEFAULT_ACCOUNT_TTL_MS } from './accountCache';
export { MissingPermissionError, missingAction, ACCOUNT_LIMITS } from './accountApi';
export type * from './accountApi';
