// Workspace trust: in an untrusted workspace the analysis still runs, but the server never connects
// to a database (the app's .env could point it anywhere, with credentials). Pure, so it is testable
// without VS Code.

/** The `lucidLens` settings section as the server will see it, given the workspace's trust. */
export function effectiveSettings(section: unknown, trusted: boolean): unknown {
  if (trusted) return section
  const base = typeof section === 'object' && section !== null && !Array.isArray(section) ? section : {}
  const database = (base as Record<string, unknown>)['database']
  const databaseSection = typeof database === 'object' && database !== null ? database : {}
  return { ...base, database: { ...databaseSection, enable: false } }
}
