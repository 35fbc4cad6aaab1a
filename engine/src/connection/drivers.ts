// The way to knex, pg and mysql2 (see ./driver-modules). In the bundles this `require` names
// server/out/database-drivers.js, the separate file scripts/bundle.mjs builds from ./driver-modules.
/* eslint-disable @typescript-eslint/no-require-imports */
import type * as DriverModules from './driver-modules'

let modules: typeof DriverModules | undefined

function driverModules(): typeof DriverModules {
  return (modules ??= require('./driver-modules') as typeof DriverModules)
}

export const knexPackage = (): ReturnType<typeof DriverModules.knexPackage> => driverModules().knexPackage()
export const pgPackage = (): ReturnType<typeof DriverModules.pgPackage> => driverModules().pgPackage()
export const mysql2Package = (): ReturnType<typeof DriverModules.mysql2Package> =>
  driverModules().mysql2Package()
