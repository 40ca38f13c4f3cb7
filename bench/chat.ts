/**
 * Playground chat figures: rendering an answer as safe Markdown, whole (done once, when it
 * finishes) and per streamed delta (splitting into blocks and parsing only the growing last one,
 * as StreamingOutput does; finished blocks are memoised), and searching saved conversations
 * (fake-indexeddb in Node, so an upper bound for Chromium's IndexedDB).
 */
import 'fake-indexeddb/auto';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { setDb, StratumDb } from '../renderer/src/db/db';
import { type Conversation } from '../renderer/src/db/schema';
import { saveConversation, searchConversations } from '../renderer/src/db/conversations';
import { ModelOutput } from '../renderer/src/features/playground/model-output';
import { markdownBlocks } from '../renderer/src/lib/markdown-blocks';
import { median as medianOrNull } from '../shared/statistics';

const median = (xs: readonly number[]): number => medianOrNull(xs) ?? NaN;

const PARAGRAPH =
  'On-demand pricing charges **per token**, with no commitment; provisioned throughput buys model units by the hour. ';

function answerOf(chars: number): string {
  const lines: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const line = i % 5 === 4 ? `- point ${i} with \`code\`` : PARAGRAPH;
    lines.push(line);
    length += line.length + 2;
  }
  return lines.join('\n\n');
}

function conversation(i: number): Conversation {
  const at = new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString();
  return {
    id: `c${i}`,
    title: `Chat ${i} about ${i % 2 ? 'guardrails' : 'pricing'}`,
    createdAt: at,
    updatedAt: at,
    settings: {
      modelId: 'us.amazon.nova-lite-v1:0',
      system: '',
      temperature: 0.7,
      topP: null,
      maxTokens: 1024,
      stopSequences: [],
      guardrail: null,
    },
    turns: Array.from({ length: 10 }, (_, t) =>
      t % 2 === 0
        ? { id: `u${t}`, role: 'user' as const, at, text: `Question ${t} of chat ${i}`, images: [] }
        : {
            id: `a${t}`,
            role: 'assistant' as const,
            at,
            modelId: 'us.amazon.nova-lite-v1:0',
            text: answerOf(1500),
            status: 'complete' as const,
            stopReason: 'end_turn',
            error: null,
            usage: null,
            latencyMs: null,
            firstTokenMs: null,
            costUsd: null,
            guardrailTrace: null,
          },
    ),
  };
}

export async function chatFigures() {
  const render: Record<number, number> = {};
  const perDelta: Record<number, number> = {};
  for (const chars of [1000, 4000, 16000]) {
    const text = answerOf(chars);
    const times: number[] = [];
    const deltaTimes: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      renderToStaticMarkup(createElement(ModelOutput, { text }));
      times.push(performance.now() - t);
      const d = performance.now();
      const blocks = markdownBlocks(text);
      renderToStaticMarkup(createElement(ModelOutput, { text: blocks.at(-1) ?? '' }));
      deltaTimes.push(performance.now() - d);
    }
    render[chars] = median(times);
    perDelta[chars] = median(deltaTimes);
  }

  const db = new StratumDb('stratum-bench-chat');
  setDb(db);
  const count = 200;
  for (let i = 0; i < count; i++) await saveConversation(conversation(i));
  const searchTimes: number[] = [];
  for (let i = 0; i < 9; i++) {
    const t = performance.now();
    await searchConversations(i % 2 ? 'guardrails question' : 'no such words');
    searchTimes.push(performance.now() - t);
  }
  setDb(null);
  await db.delete();
  return { render, perDelta, count, search: median(searchTimes) };
}

export function printChat(figures: Awaited<ReturnType<typeof chatFigures>>) {
  console.log('\nPlayground chat (median)');
  for (const [chars, ms] of Object.entries(figures.render)) {
    const delta = figures.perDelta[Number(chars)] ?? NaN;
    console.log(
      `  safe Markdown, ${Number(chars).toLocaleString('en-US').padStart(6)} characters: whole answer ${ms.toFixed(2).padStart(6)} ms (once, at the end); per streamed delta ${delta.toFixed(2).padStart(5)} ms (a frame is 16 ms)`,
    );
  }
  console.log(
    `  search ${figures.count} saved chats (10 turns each, fake-indexeddb) ${figures.search.toFixed(1).padStart(6)} ms`,
  );
}
