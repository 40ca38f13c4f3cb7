/** The platform's shortcut modifier: ⌘ on a Mac, Ctrl elsewhere. */
export const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);
/** As shown to the learner: "⌘" or "Ctrl". */
export const modKey = isMac ? '⌘' : 'Ctrl';
/** As named in aria-keyshortcuts: "Meta" or "Control". */
export const modKeyName = isMac ? 'Meta' : 'Control';
