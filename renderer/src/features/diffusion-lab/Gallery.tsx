/** The gallery: every image generated on this computer, with the settings and cost that made it. */
import { useState } from 'react';
import { addImages, deleteImage } from '../../db/gallery';
import type { GalleryImage } from '../../db/schema';
import { formatDateTime, formatUsdOrUnknown } from '../../lib/format';
import { dataUrl } from './image-data';

function GalleryItem({ image: g, onDelete }: { image: GalleryImage; onDelete: () => void }) {
  return (
    <li>
      <img src={dataUrl(g)} alt={g.prompt ?? 'Generated variation'} loading="lazy" />
      <p className="small">
        <strong>{g.prompt ?? '(variation without text)'}</strong>
      </p>
      <p className="muted small">
        {g.modelId.split('.').slice(-1)[0]} · {g.width}×{g.height} ·{' '}
        {g.quality === null ? '' : `${g.quality} · `}
        {g.cfgScale === null ? '' : `cfg ${g.cfgScale} · `}
        seed {g.seed}
        {g.similarityStrength !== null ? ` · similarity ${g.similarityStrength}` : ''} ·{' '}
        {formatUsdOrUnknown(g.costUsd)} · {formatDateTime(g.createdAt)}
      </p>
      <button
        type="button"
        className="link"
        // One name per image, so a screen reader's list of buttons says which "Delete" is which.
        aria-label={`Delete image: ${g.prompt ?? 'variation without text'}`}
        onClick={onDelete}
      >
        Delete
      </button>
    </li>
  );
}

export function Gallery({ gallery }: { gallery: GalleryImage[] }) {
  const [undo, setUndo] = useState<GalleryImage | null>(null);
  return (
    <section className="card" aria-labelledby="gallery-heading">
      <h2 id="gallery-heading">Gallery</h2>
      {undo ? (
        <p role="status" className="status status-idle">
          Deleted one image.{' '}
          <button
            type="button"
            className="link"
            onClick={() => void addImages([undo]).then(() => setUndo(null))}
          >
            Undo
          </button>
        </p>
      ) : null}
      {gallery.length === 0 ? (
        <p className="empty">
          Images you generate are kept here, on this computer, with the settings that made them.
        </p>
      ) : (
        <ul className="gallery" data-testid="gallery">
          {gallery.map((g) => (
            <GalleryItem
              key={g.id}
              image={g}
              onDelete={() => void deleteImage(g.id).then(setUndo)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
