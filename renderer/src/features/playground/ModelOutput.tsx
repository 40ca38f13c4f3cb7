/**
 * Safe Markdown for model output (the component lives in model-output.ts, importable by unit
 * tests), and its streaming form shared by Chat and Compare.
 */
import { memo } from 'react';
import { markdownBlocks } from '../../lib/markdown-blocks';
import { ModelOutput } from './model-output';

export { ModelOutput };

/** One finished block of a streaming reply: parsed once, then skipped by React. */
const Block = memo(function Block({ text }: { text: string }) {
  return <ModelOutput text={text} />;
});

/**
 * Model output as safe Markdown (no raw HTML, no live links). While a reply streams, each
 * finished block is rendered once and only the growing last block is parsed again per delta;
 * once it is complete, the whole reply is rendered as one document.
 */
export const StreamingOutput = memo(function StreamingOutput({
  text,
  streaming,
}: {
  text: string;
  streaming: boolean;
}) {
  return streaming ? (
    <>
      {markdownBlocks(text).map((block, i) => (
        <Block key={i} text={block} />
      ))}
    </>
  ) : (
    <ModelOutput text={text} />
  );
});
