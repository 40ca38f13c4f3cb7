/** The box's text as one line: valid JSON written over several lines is compacted; otherwise breaks become spaces. */
export function asOneLine(text: string): string {
  if (!/[\r\n]/.test(text)) return text;
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text.replace(/\r?\n/g, ' ');
  }
}
