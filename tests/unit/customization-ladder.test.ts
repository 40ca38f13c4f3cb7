import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RUNGS } from '../../renderer/src/features/customization-lab/ladder/rungs';

describe('the ladder', () => {
  it('links every rung to a note that has the named section', () => {
    for (const rung of RUNGS) {
      const body = readFileSync(join('content/notes', `${rung.note.id}.md`), 'utf8');
      expect(body, rung.id).toMatch(new RegExp(`^#{2,3} ${rung.note.section}$`, 'm'));
    }
  });

  it('ranks cost from cheapest to costliest along the ladder', () => {
    const onLadder = RUNGS.filter((r) => !r.aside).map((r) => r.cost);
    expect(onLadder).toEqual([...onLadder].sort((a, b) => a - b));
  });
});
