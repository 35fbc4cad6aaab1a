// What the analysis says about files it could not read, one line each on stderr, so the command's
// own output (text or JSON on stdout) stays as it is.
export function warnLine(line: string): void {
  process.stderr.write(`lucid-lens: ${line}\n`)
}
