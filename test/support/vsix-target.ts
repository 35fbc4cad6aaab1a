// vsce's name for this machine's platform (`linux-x64`, `darwin-arm64`, `win32-x64`, `alpine-x64`), as
// scripts/package.mjs names the platform package it packs here.
export function vsixTarget(): string {
  const report = process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined
  const musl = process.platform === 'linux' && !report?.header?.glibcVersionRuntime
  return `${musl ? 'alpine' : process.platform}-${process.arch}`
}
