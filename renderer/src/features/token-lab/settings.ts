/** The lab's controls, remembered between sessions (a preference, so localStorage is enough). */
import { useEffect, useState } from 'react';
import { z } from 'zod';

export const LabSettings = z.object({
  temperature: z.number().min(0).max(2),
  topK: z.number().int().min(1).max(50).nullable(),
  topP: z.number().min(0.05).max(1),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1),
});
export type LabSettings = z.infer<typeof LabSettings>;

export const DEFAULT_LAB_SETTINGS: LabSettings = { temperature: 1, topK: null, topP: 1, seed: 42 };
const KEY = 'stratum.tokenLab.settings';

export function loadLabSettings(): LabSettings {
  try {
    const parsed = LabSettings.safeParse(JSON.parse(localStorage.getItem(KEY) ?? 'null'));
    return parsed.success ? parsed.data : DEFAULT_LAB_SETTINGS;
  } catch {
    return DEFAULT_LAB_SETTINGS;
  }
}

export function saveLabSettings(settings: LabSettings): void {
  localStorage.setItem(KEY, JSON.stringify(settings));
}

/** The lab's settings as React state, written back to localStorage on every change. */
export function useLabSettings(): [LabSettings, (s: LabSettings) => void] {
  const [settings, setSettings] = useState(loadLabSettings);
  useEffect(() => saveLabSettings(settings), [settings]);
  return [settings, setSettings];
}
