// What every command gets: the questions, the requests and the preview runner.
import type { Prompter } from '../quick-picks'
import type { PreviewRunner } from '../preview-runner'
import type { LucidRequests } from '../requests'

export interface CommandContext {
  prompter: Prompter
  requests: LucidRequests
  previews: PreviewRunner
}
