// Lucid: Preview Selected Query: the Lucid expression under the selection (or the cursor), its free
// variables bound to rows, then the preview. Errors (no expression there...) go to the panel.
import * as vscode from 'vscode'
import { expressionTitle } from '../expressions'
import type { CommandContext } from './context'
import { variableBinder } from './variables'

export async function previewSelection(context: CommandContext): Promise<void> {
  const { prompter, requests, previews } = context
  // From the palette while a panel has the focus there is no active editor: the visible one counts.
  const editor =
    vscode.window.activeTextEditor ??
    vscode.window.visibleTextEditors.find((visible) => visible.document.languageId === 'typescript')
  if (!editor) throw new Error('Open a TypeScript file and select Lucid code, or put the cursor in it.')
  const uri = editor.document.uri.toString()
  const { start, end } = editor.selection
  const answer = await requests.expressionAt({
    uri,
    range: {
      start: { line: start.line, character: start.character },
      end: { line: end.line, character: end.character },
    },
  })
  if (answer.kind === 'error') {
    const selected = editor.document.getText(editor.selection)
    previews.showProblem('selection', selected || `cursor at line ${start.line + 1}`, answer)
    return
  }
  const bound = await variableBinder(prompter, requests)(answer.variables, uri)
  if (!bound) return
  const { variables, values } = bound
  await previews.run({
    title: expressionTitle(answer.expression),
    uri,
    expression: answer.expression,
    variables: Object.keys(variables).length ? variables : undefined,
    values: Object.keys(values).length ? values : undefined,
  })
}
