// The one error type of `lucid-lens preview`: a problem the user can fix, shown as one clear line
// and a hint, with exit status 2.
export class PreviewProblem extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message)
  }
}
