/**
 * Saves text the learner asked for as a file, through the browser's (or Electron's) download: a
 * Blob URL on a temporary link, revoked once the download has had time to start.
 */
export function downloadText(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
