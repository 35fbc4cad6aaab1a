// Reads `// expect LL101` (end of line) and `// expect-next-line LL104` markers from fixture text.

export interface Expectation {
  line: number
  code: string
}

export function readMarkers(text: string): Expectation[] {
  const out: Expectation[] = []
  text.split(/\r?\n/).forEach((lineText, index) => {
    const next = lineText.match(/^\s*\/\/\s*expect-next-line\s+((?:LL\d{3}[\s,]*)+)$/)
    if (next?.[1]) {
      for (const code of codes(next[1])) out.push({ line: index + 2, code })
      return
    }
    const trailing = lineText.match(/\S.*\/\/\s*expect\s+((?:LL\d{3}[\s,]*)+)$/)
    if (trailing?.[1]) for (const code of codes(trailing[1])) out.push({ line: index + 1, code })
  })
  return out
}

function codes(list: string): string[] {
  return list.match(/LL\d{3}/g) ?? []
}
