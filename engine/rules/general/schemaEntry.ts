/**
 * The schema check's findings (and the template policy's, W1201/W1202) are produced by lint.ts, not by these
 * entries: each is registered as a rule so it has documentation, a default severity and a config switch.
 */
import type { Finding, Platform } from '../../types';

export const SCHEMA_PLATFORMS: readonly Platform[] = ['ec2', 'ecs', 'lambda'];
/** The check of such an entry: the engine reports, the entry itself never does. */
export const reportedBySchema = (): Finding[] => [];
