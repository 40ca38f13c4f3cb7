/**
 * The confidence strip's bands: which colour (and underline, so colour is not the only cue) a
 * token's probability gets, and how a token is shown when it is only whitespace.
 */
export type Band = 'confident' | 'likely' | 'unsure' | 'surprising';

export const BANDS: readonly { band: Band; label: string; from: number }[] = [
  { band: 'confident', label: 'Confident', from: 0.8 },
  { band: 'likely', label: 'Likely', from: 0.5 },
  { band: 'unsure', label: 'Unsure', from: 0.2 },
  { band: 'surprising', label: 'Surprising', from: 0 },
];

export function bandOf(probability: number): Band {
  return (BANDS.find((b) => probability >= b.from) ?? BANDS[BANDS.length - 1]!).band;
}

/** The legend's range text for a band: "80% and above", "50% to 80%", "below 20%". */
export function bandRange(index: number): string {
  const b = BANDS[index];
  const above = BANDS[index - 1];
  if (!b) return '';
  if (!above) return `${Math.round(b.from * 100)}% and above`;
  if (b.from === 0) return `below ${Math.round(above.from * 100)}%`;
  return `${Math.round(b.from * 100)}% to ${Math.round(above.from * 100)}%`;
}

/** A token as a reader can see it: spaces as ·, line breaks as ↵ (the text keeps the real ones). */
export function visibleToken(token: string): string {
  if (token === '') return '∅';
  return token.replace(/\n/g, '↵').replace(/ /g, '·');
}
