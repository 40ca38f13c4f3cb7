/**
 * Facts in the notes, glossary and bank that a review against AWS documentation found wrong once
 * (issue 13): each is pinned here so the old wording cannot come back.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_DIR } from '../support/corpus';

const note = (id: string) => readFileSync(join(CONTENT_DIR, 'notes', `${id}.md`), 'utf8');
const text = (path: string) => readFileSync(join(CONTENT_DIR, path), 'utf8');
interface Item {
  id: string;
  explanation: string;
  stem: string;
  options: { id: string; text: string }[];
}
const question = (file: string, id: string): Item => {
  const items = JSON.parse(text(`questions/${file}.json`)) as Item[];
  const found = items.find((q) => q.id === id);
  if (!found) throw new Error(`${id} is not in ${file}.json`);
  return found;
};

describe('encryption of custom models', () => {
  it('says the default key is AWS owned, in the note and in d5-003', () => {
    expect(note('securing-ai-systems')).toMatch(
      /custom \(fine-tuned\) models by default with an AWS owned key/,
    );
    expect(note('securing-ai-systems')).not.toMatch(/AWS managed key by default/);
    const q = question('d5', 'd5-003');
    expect(q.explanation).toMatch(/AWS owned key by default/);
    expect(JSON.stringify(q)).not.toMatch(/AWS managed key/);
  });
});

describe('Bedrock evaluation jobs', () => {
  it('does not claim ROUGE or BLEU as Bedrock automatic metrics', () => {
    expect(note('evaluating-fms')).not.toMatch(/All of these are available as Bedrock evaluation/);
    expect(note('evaluating-fms')).toMatch(/ROUGE and BLEU are not among the automatic metrics/);
    expect(note('foundation-models')).not.toMatch(/automatic evaluation job with ROUGE/);
  });
  it('says an automatic job evaluates one model (d3b-021 and the note)', () => {
    expect(note('evaluating-fms')).toMatch(/An automatic job evaluates\s+one model/);
    expect(question('d3b', 'd3b-021').explanation).toMatch(/three jobs/);
  });
});

describe('responsible AI dimensions', () => {
  it('keeps veracity and robustness, and safety, among the eight', () => {
    const text = note('responsible-ai');
    expect(text).not.toMatch(/three words that are not in AWS's eight/);
    expect(text).toMatch(/inclusivity, is not among AWS's eight/);
  });
});

describe('other corrected facts', () => {
  it('says sampling settings are controlled too', () => {
    expect(note('genai-building-blocks')).not.toMatch(/Everything you control sits in step 1/);
  });
  it('gives AUC its full range', () => {
    expect(text('glossary/A.json')).toMatch(/It runs from 0 to 1/);
  });
  it('does not use "a bucket without encryption" for AWS Config (S3 encrypts new objects by default)', () => {
    for (const path of ['notes/governance-compliance.md', 'glossary/E.json', 'questions/d5.json']) {
      expect(text(path)).not.toMatch(
        /unencrypted training-data bucket|bucket without (default )?encryption/,
      );
    }
  });
  it('reconciles the output cap with "maximum length does not shorten answers"', () => {
    expect(note('bedrock-pricing')).toMatch(/cuts long answers off rather than making them/);
  });
});

describe('Amazon Comprehend PII redaction (session 8 review)', () => {
  // AWS: "To redact the PII entities in your text, you start an asynchronous batch job"
  // (docs.aws.amazon.com/comprehend/latest/dg/redact-api-pii.html); DetectPiiEntities, the
  // synchronous call, returns each entity's type and position only.
  it('does not say Comprehend redacts synchronously', () => {
    expect(note('securing-ai-systems')).not.toMatch(/synchronous call handles one piece of text/);
    expect(note('securing-ai-systems')).toMatch(/asynchronous job over documents in S3 can return/);
    expect(question('d5-more', 'd5x-001').explanation).not.toMatch(/either synchronously/);
  });
});
