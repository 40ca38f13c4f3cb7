import { codeSpans } from '../lib/code-spans';

/**
 * Text that marks commands and file names Markdown-style with backticks ("run `aws configure`"),
 * as the main process's remedies do: the marked spans render as <code>, the rest as plain text
 * (never as HTML).
 */
export function CodeText({ children }: { children: string }) {
  return (
    <>
      {codeSpans(children).map((part, i) =>
        part.code ? <code key={i}>{part.text}</code> : part.text,
      )}
    </>
  );
}
