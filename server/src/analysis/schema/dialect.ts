// The database the app runs on, read from `config/database.ts`: the `client` of the default
// `connection`, or the only client the file names. Undefined when it cannot be told.
import type * as TS from 'typescript'
import { dialectOfClient, type SchemaDialect } from '../../../../engine/src/schema'
import { memberName, objectProperties, stringValue, type TsModule } from '../syntax'
import { databaseConfigFile } from './database-config'

export function readDialect(ts: TsModule, program: TS.Program, rootDir: string): SchemaDialect | undefined {
  const file = databaseConfigFile(program, rootDir)
  if (!file) return undefined
  const clients = new Map<string, string>()
  let defaultConnection: string | undefined
  const visit = (node: TS.Node): void => {
    if (ts.isObjectLiteralExpression(node)) {
      const props = objectProperties(ts, node)
      const connections = props.get('connections')
      if (connections && ts.isObjectLiteralExpression(connections)) {
        defaultConnection ??= stringValue(ts, props.get('connection'))
        for (const prop of connections.properties) {
          const name = ts.isPropertyAssignment(prop) ? memberName(ts, prop.name) : undefined
          const client = ts.isPropertyAssignment(prop)
            ? stringValue(ts, objectProperties(ts, prop.initializer).get('client'))
            : undefined
          if (name !== undefined && client !== undefined) clients.set(name, client)
        }
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  const chosen = defaultConnection !== undefined ? clients.get(defaultConnection) : undefined
  if (chosen !== undefined) return dialectOfClient(chosen)
  const dialects = new Set([...clients.values()].map(dialectOfClient))
  const [only] = dialects
  return dialects.size === 1 ? only : undefined
}
