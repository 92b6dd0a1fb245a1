/** Whether a command line asks for the usage text (`--help` or `-h` anywhere). */
export function isHelpRequest(argv: readonly string[]): boolean {
  return argv.includes('--help') || argv.includes('-h');
}
