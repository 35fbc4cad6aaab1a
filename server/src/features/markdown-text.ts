// Small Markdown builders shared by the hover cards. Hovers must read well both rendered (VS Code)
// and as plain text (clients that show Markdown raw), so the output stays simple.

/** Inline code that survives backticks inside the text. */
export function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`'
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${text}${pad}${fence}`
}

/** A table cell: pipes would end the cell, newlines the row. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
}

/** The first line of some source text, shortened to `max` characters. */
export function firstLine(text: string, max = 60): string {
  const lines = text.split(/\r?\n/)
  const line = (lines[0] ?? '').trim()
  const more = lines.length > 1 ? ' …' : ''
  return line.length > max ? `${line.slice(0, max - 1)}…` : `${line}${more}`
}

/** A generic SQL identifier: double quotes, embedded quotes doubled. */
export function sqlIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}
