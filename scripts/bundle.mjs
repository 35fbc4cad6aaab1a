// Bundles the language server and the extension into single files so that
// `node server/out/server.js --stdio` runs from any directory without node_modules.
import { build } from 'esbuild'

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' }

await Promise.all([
  build({ ...common, entryPoints: ['server/src/main.ts'], outfile: 'server/out/server.js' }),
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] }),
])
