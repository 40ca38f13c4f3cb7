/**
 * Text that marks commands and file names Markdown-style with backticks ("run `aws configure`"),
 * as the main process's remedies do: the marked spans render as <code>, the rest as plain text
 * (never as HTML). An unpaired backtick stays as it is.
 */
export function CodeText({ children }: { children: string }) {
  const parts = children.split('`');
  if (parts.length % 2 === 0) {
    // An odd number of backticks: the last one has no partner, so it is text.
    const last = parts.pop() ?? '';
    parts[parts.length - 1] += `\`${last}`;
  }
  return <>{parts.map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}</>;
}
