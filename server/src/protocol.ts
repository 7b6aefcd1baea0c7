/**
 * Names the client and the server must agree on. Plain constants with no imports, so the client
 * bundle can use them without pulling in any of the server.
 */

/** Custom request: lint a text the way the editor does; answers LSP diagnostics. */
export const LINT_REQUEST = 'appspec/lint';

/** Command the server offers with the "create hook script" fix; the client gates it on workspace trust. */
export const MAKE_EXECUTABLE_COMMAND = 'appspec.makeExecutable';
