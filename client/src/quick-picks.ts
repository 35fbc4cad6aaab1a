// Every question the extension asks goes through here: quick picks, input boxes, the save dialog.
// Answers queued by the test hook are used first, in order, so the real-editor tests drive each
// command without UI; with nothing queued the user is asked.
import * as vscode from 'vscode'
import { describeItems, ESCAPE_ANSWER, matchAnswer, matchMany } from './answer-match'

export interface PickOptions {
  title: string
  placeHolder?: string
}

export interface InputOptions {
  title: string
  prompt: string
  placeHolder?: string
  value?: string
  password?: boolean
  /** A message when the text is not acceptable, else undefined. */
  validate?: (text: string) => string | undefined
}

/** A quick pick whose items are fetched again as the user types (the row picker). */
export interface DynamicPick<T extends vscode.QuickPickItem> {
  title: string
  placeHolder: string
  load(search: string | undefined, token: vscode.CancellationToken): Promise<{ items: T[]; problem?: string }>
  /** An item for text typed that matches nothing listed (a key), or undefined. */
  typed(text: string, loaded: readonly T[]): T | undefined
}

const SEARCH_DELAY_MS = 250

export class Prompter {
  private readonly answers: string[] = []

  queue(answers: readonly string[]): void {
    this.answers.push(...answers)
  }

  /** Drops what is still queued: after a failed command its answers would go to the next one. */
  discard(): void {
    this.answers.length = 0
  }

  async pick<T extends vscode.QuickPickItem>(
    items: readonly T[],
    options: PickOptions,
  ): Promise<T | undefined> {
    const answer = this.answers.shift()
    if (answer === undefined)
      return vscode.window.showQuickPick(items, {
        ...options,
        matchOnDescription: true,
        ignoreFocusOut: true,
      })
    if (answer === ESCAPE_ANSWER) return undefined
    const item = matchAnswer(items, answer)
    if (!item) throw new Error(`${options.title}: no item matches "${answer}" among ${describeItems(items)}`)
    return item
  }

  async pickMany<T extends vscode.QuickPickItem>(
    items: readonly T[],
    options: PickOptions,
  ): Promise<T[] | undefined> {
    const answer = this.answers.shift()
    if (answer === undefined)
      return vscode.window.showQuickPick(items, { ...options, canPickMany: true, ignoreFocusOut: true })
    if (answer === ESCAPE_ANSWER) return undefined
    const { picked, unmatched } = matchMany(items, answer)
    if (unmatched.length)
      throw new Error(`${options.title}: no item matches ${unmatched.map((u) => `"${u}"`).join(', ')}`)
    return picked
  }

  async input(options: InputOptions): Promise<string | undefined> {
    const answer = this.answers.shift()
    if (answer === undefined)
      return vscode.window.showInputBox({
        title: options.title,
        prompt: options.prompt,
        placeHolder: options.placeHolder,
        value: options.value,
        password: options.password,
        ignoreFocusOut: true,
        validateInput: options.validate,
      })
    if (answer === ESCAPE_ANSWER) return undefined
    const problem = options.validate?.(answer)
    if (problem) throw new Error(`${options.title}: ${problem}`)
    return answer
  }

  async saveLocation(options: vscode.SaveDialogOptions): Promise<vscode.Uri | undefined> {
    const answer = this.answers.shift()
    if (answer === undefined) return vscode.window.showSaveDialog(options)
    return answer === ESCAPE_ANSWER ? undefined : vscode.Uri.file(answer)
  }

  /**
   * A queued answer is looked for in the first page, then in the page searched for it, and is
   * otherwise taken as typed text (a key that is not listed).
   */
  async pickDynamic<T extends vscode.QuickPickItem>(source: DynamicPick<T>): Promise<T | undefined> {
    const answer = this.answers.shift()
    if (answer === undefined) return showDynamic(source)
    if (answer === ESCAPE_ANSWER) return undefined
    const token = new vscode.CancellationTokenSource().token
    const first = await source.load(undefined, token)
    const searched = matchAnswer(first.items, answer) ? first : await source.load(answer, token)
    const item = matchAnswer(searched.items, answer) ?? source.typed(answer, searched.items)
    if (!item) throw new Error(`${source.title}: no item matches "${answer}"${problemText(searched.problem)}`)
    return item
  }
}

function problemText(problem: string | undefined): string {
  return problem ? ` (${problem})` : ''
}

function showDynamic<T extends vscode.QuickPickItem>(source: DynamicPick<T>): Promise<T | undefined> {
  const quickPick = vscode.window.createQuickPick<T>()
  quickPick.title = source.title
  quickPick.placeholder = source.placeHolder
  quickPick.matchOnDescription = true
  quickPick.matchOnDetail = true
  quickPick.ignoreFocusOut = true
  let loaded: T[] = []
  let search: vscode.CancellationTokenSource | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  const show = () => {
    const typed = quickPick.value.trim() ? source.typed(quickPick.value, loaded) : undefined
    quickPick.items = typed ? [{ ...typed, alwaysShow: true }, ...loaded] : loaded
  }
  const load = (text: string | undefined) => {
    search?.cancel()
    const current = new vscode.CancellationTokenSource()
    search = current
    quickPick.busy = true
    source.load(text, current.token).then(
      (page) => {
        if (current.token.isCancellationRequested) return
        loaded = page.items
        quickPick.title = page.problem ? `${source.title}: ${page.problem}` : source.title
        quickPick.busy = false
        show()
      },
      (error: unknown) => {
        if (current.token.isCancellationRequested) return
        quickPick.title = `${source.title}: ${error instanceof Error ? error.message : String(error)}`
        quickPick.busy = false
      },
    )
  }
  return new Promise<T | undefined>((resolve) => {
    quickPick.onDidChangeValue((value) => {
      show()
      if (timer) clearTimeout(timer)
      // Debounced: one rows request per pause in typing, not per keystroke.
      timer = setTimeout(() => load(value.trim() || undefined), SEARCH_DELAY_MS)
    })
    quickPick.onDidAccept(() => {
      const item = quickPick.selectedItems[0]
      if (!item) return
      resolve(item)
      quickPick.hide()
    })
    quickPick.onDidHide(() => {
      if (timer) clearTimeout(timer)
      search?.cancel()
      resolve(undefined)
      quickPick.dispose()
    })
    load(undefined)
    quickPick.show()
  })
}
