/** Bad input to a command (arguments, a key not in the map, an unreadable map): one line on stderr, exit code 2, nothing written. */
export class InputError extends Error {}
