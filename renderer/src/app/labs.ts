/**
 * Labs that exist in this build, by the ids notes use in their `labs` front matter. A note links
 * only to labs listed here, so a note can name a lab before the lab ships.
 */
import type { LabId } from '../../../shared/notes';

export const AVAILABLE_LABS: Partial<Record<LabId, { path: string; label: string }>> = {
  'token-lab': { path: '/token-lab', label: 'Token lab: sample the next word yourself' },
  'diffusion-lab': {
    path: '/diffusion-lab',
    label: 'Diffusion lab: add and remove noise yourself',
  },
  'knowledge-bases': {
    path: '/knowledge-bases',
    label: 'Knowledge bases lab: chunk, embed, retrieve and cite the notes yourself',
  },
};
