/** The source check lives in lib/ (pure), so the backup worker can run it too. */
export { makeSourceCheck, type NoteLike } from '../../lib/source-check';
