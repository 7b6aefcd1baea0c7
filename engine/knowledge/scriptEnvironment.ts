/** The time limits of EC2 hook scripts (appspec.md §3.6.2). */

/** The maximum total script time per lifecycle event and the default script timeout, in seconds. */
export const MAX_EVENT_SECONDS = 3600;
export const DEFAULT_SCRIPT_TIMEOUT = 3600;
