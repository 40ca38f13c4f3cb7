/** How small the trained model is, said plainly, and what a real image model adds. */
import { formatCount } from '../../../lib/format';
import type { NetInfo } from '../../../workers/diffusion-net.worker';

export function ModelFacts({ info }: { info: NetInfo | null }) {
  const t = info?.shipped.training;
  return (
    <section className="card model-facts" aria-labelledby="model-facts-title">
      <h3 id="model-facts-title">How small this model is</h3>
      <p>
        {info ? formatCount(info.parameters) : '…'} weights (a dense network with two residual
        blocks of 256 units), pictures of 16×16 pixels, trained on{' '}
        {info ? formatCount(info.trainingImages) : '…'} generated pictures of four shapes (a disc, a
        square, a horizontal bar, a vertical bar) in random places, sizes and colours.
        {t
          ? ` The shipped weights took ${formatCount(t.steps)} steps of ${t.batch} pictures on one CPU core (final loss ${t.finalLoss.toFixed(4)}).`
          : ''}{' '}
        Its “prompt” is one of four class labels.
      </p>
      <p>
        A real image model such as Stable Diffusion or Amazon Nova Canvas adds: a latent space (an
        autoencoder squeezes a large picture into a small grid, the diffusion runs there, and the
        decoder paints the pixels back); a text encoder that turns a whole prompt into vectors,
        instead of a class label; a U-Net or transformer with attention, so every part of the
        picture can look at every other part and at the prompt; and billions of weights trained on
        billions of captioned images.
      </p>
    </section>
  );
}
