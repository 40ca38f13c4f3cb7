/** The invocation log's labels: every operation the log can record says what it does. */
import { describe, expect, it } from 'vitest';
import { OPERATION_NOTES, OPERATIONS } from '../../renderer/src/features/invocation-log/log-labels';

describe('OPERATION_NOTES', () => {
  it('has a line for every operation the log records', () => {
    expect(OPERATIONS.filter((op) => !OPERATION_NOTES[op])).toEqual([]);
  });
});
