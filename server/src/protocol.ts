// Custom requests and notifications shared by the server and the client (the only place).
export { SETTINGS_SECTION } from './settings'

/** The command the client registers to restart the server. */
export const RESTART_COMMAND = 'lucidLens.restartServer'
