/** The playground's saved chats in IndexedDB (Dexie on fake-indexeddb) and their exports. */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setDb, StratumDb } from '../../renderer/src/db/db';
import { type Conversation } from '../../renderer/src/db/schema';
import {
  conversationToJson,
  conversationToMarkdown,
  deleteConversation,
  exportFileName,
  formatBytes,
  getConversation,
  listConversations,
  matchesQuery,
  restoreConversation,
  saveConversation,
  searchConversations,
  titleFrom,
} from '../../renderer/src/db/conversations';

let db: StratumDb;
let n = 0;
beforeEach(() => {
  db = new StratumDb(`stratum-chat-test-${n++}`);
  setDb(db);
});
afterEach(async () => {
  setDb(null);
  await db.delete();
});

// 1x1 PNG, base64 of its bytes as written by hand-checked tools.
const PIXEL =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

function conversation(overrides: Partial<Conversation> = {}): Conversation {
  return {
    id: 'c1',
    title: 'Bedrock pricing',
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:05:00.000Z',
    settings: {
      modelId: 'us.amazon.nova-lite-v1:0',
      system: 'Answer briefly.',
      temperature: 0.5,
      topP: null,
      maxTokens: 300,
      stopSequences: ['###'],
      guardrail: null,
    },
    turns: [
      {
        id: 'u1',
        role: 'user',
        at: '2026-11-20T10:00:00.000Z',
        text: 'What does on-demand mean?',
        images: [{ name: 'chart.png', format: 'png', base64: PIXEL, bytes: 70 }],
      },
      {
        id: 'a1',
        role: 'assistant',
        at: '2026-11-20T10:00:02.000Z',
        modelId: 'us.amazon.nova-lite-v1:0',
        text: 'You pay **per token**, with no commitment.',
        status: 'complete',
        stopReason: 'end_turn',
        error: null,
        usage: { inputTokens: 12, outputTokens: 9, totalTokens: 21 },
        latencyMs: 412,
        firstTokenMs: 120,
        costUsd: 0.0000018,
        guardrailTrace: null,
      },
    ],
    ...overrides,
  };
}

describe('conversation storage', () => {
  it('saves and reads back a conversation unchanged, images included', async () => {
    const c = conversation();
    await saveConversation(c);
    expect(await getConversation('c1')).toEqual(c);
    expect(await getConversation('missing')).toBeNull();
  });

  it('lists the most recently changed first and skips rows that fail validation', async () => {
    await saveConversation(conversation({ id: 'old', updatedAt: '2026-11-01T00:00:00.000Z' }));
    await saveConversation(conversation({ id: 'new', updatedAt: '2026-11-21T00:00:00.000Z' }));
    // A row written by something else, with a turn of an unknown role.
    await db.conversations.put({
      ...conversation({ id: 'bad', updatedAt: '2026-11-30T00:00:00.000Z' }),
      turns: [{ id: 'x', role: 'system' }],
    } as unknown as Conversation);
    expect((await listConversations()).map((c) => c.id)).toEqual(['new', 'old']);
    // The bad row is skipped, not deleted.
    expect(await db.conversations.get('bad')).toBeDefined();
  });

  it('refuses to save an invalid conversation', async () => {
    const c = conversation();
    const broken = {
      ...c,
      settings: { ...c.settings, stopSequences: ['a', 'b', 'c', 'd', 'e'] },
    };
    await expect(saveConversation(broken)).rejects.toThrow();
    expect(await db.conversations.count()).toBe(0);
  });

  it('deletes a conversation and puts it back exactly on undo', async () => {
    const c = conversation();
    await saveConversation(c);
    const removed = await deleteConversation('c1');
    expect(removed).toEqual(c);
    expect(await db.conversations.count()).toBe(0);
    await restoreConversation(removed!);
    expect(await getConversation('c1')).toEqual(c);
    expect(await deleteConversation('nothing-here')).toBeNull();
  });

  it('searches titles, system prompts and message text, every word, ignoring case', async () => {
    await saveConversation(conversation({ id: 'a', title: 'Bedrock pricing' }));
    await saveConversation(
      conversation({
        id: 'b',
        title: 'Guardrails',
        turns: [
          {
            id: 'u',
            role: 'user',
            at: '2026-11-20T10:00:00.000Z',
            text: 'How does the PROMPT attack filter work?',
            images: [],
          },
        ],
      }),
    );
    expect((await searchConversations('pricing')).map((c) => c.id)).toEqual(['a']);
    expect((await searchConversations('attack prompt')).map((c) => c.id)).toEqual(['b']);
    expect((await searchConversations('prompt pricing')).map((c) => c.id)).toEqual([]);
    expect((await searchConversations('  ')).length).toBe(2);
    // The system prompt counts too ("Answer briefly." is in both).
    expect((await searchConversations('BRIEFLY')).length).toBe(2);
    expect(matchesQuery(conversation(), 'per token')).toBe(true);
    expect(matchesQuery(conversation(), 'tokens')).toBe(false);
  });
});

describe('version 6 of the database', () => {
  it('keeps every v5 row and adds an empty conversations table', async () => {
    const name = 'stratum-upgrade-v5-test';
    const v5 = new Dexie(name);
    v5.version(1).stores({ noteProgress: 'noteId, lastOpenedAt, bookmarkedAt' });
    v5.version(2).stores({ experiments: 'id, createdAt, kind' });
    v5.version(3).stores({ images: 'id, createdAt' });
    v5.version(4).stores({ attempts: 'id, questionId, at' });
    v5.version(5).stores({
      attempts: 'id, questionId, at, mode',
      questions: 'id, updatedAt',
      reports: 'id, questionId, at',
      reviewCards: 'questionId, due',
      exams: 'id, startedAt',
    });
    const attempt = {
      id: 'a1',
      questionId: 'd1-001',
      at: '2026-11-20T10:00:00.000Z',
      correct: true,
      mode: 'practice',
    };
    const progress = {
      noteId: 'bedrock-pricing',
      read: true,
      readAt: '2026-11-20T10:00:00.000Z',
      bookmarked: false,
      bookmarkedAt: null,
      lastOpenedAt: null,
    };
    await v5.table('attempts').put(attempt);
    await v5.table('noteProgress').put(progress);
    v5.close();

    const current = new StratumDb(name);
    await current.open();
    expect(current.verno).toBeGreaterThanOrEqual(6);
    expect(await current.attempts.get('a1')).toEqual(attempt);
    expect(await current.noteProgress.get('bedrock-pricing')).toEqual(progress);
    expect(await current.conversations.count()).toBe(0);
    await current.delete();
  });
});

describe('titles and sizes', () => {
  it('takes the first non-empty line, cut on a word boundary', () => {
    expect(titleFrom('\n  Hello there  \nsecond line')).toBe('Hello there');
    expect(titleFrom('   ')).toBe('Untitled chat');
    const long =
      'Explain the difference between provisioned throughput and on-demand pricing in Bedrock';
    // The first 60 characters end inside "on-demand"; the cut falls back to the space before it.
    expect(titleFrom(long)).toBe('Explain the difference between provisioned throughput and…');
  });

  it('formats sizes in bytes, KB and MB (1 KB = 1024 bytes)', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(3_750_000)).toBe('3.6 MB');
  });
});

describe('exports', () => {
  it('writes Markdown with settings, turns, image notes and per-turn figures', () => {
    expect(conversationToMarkdown(conversation())).toBe(
      [
        '# Bedrock pricing',
        '',
        '- Model: `us.amazon.nova-lite-v1:0`',
        '- Created: 2026-11-20T10:00:00.000Z',
        '- Temperature: 0.5; top-p: not set; max tokens: 300',
        '- Stop sequences: "###"',
        '- Guardrail: none',
        '',
        '## System prompt',
        '',
        'Answer briefly.',
        '',
        '## You',
        '',
        'What does on-demand mean?',
        '',
        '*Image: chart.png (PNG, 70 bytes); kept in the JSON export.*',
        '',
        '## Assistant (`us.amazon.nova-lite-v1:0`)',
        '',
        'You pay **per token**, with no commitment.',
        '',
        '*12 input tokens, 9 output tokens · latency 412 ms · first token 120 ms · about $0.000002 · stop reason end_turn*',
        '',
      ].join('\n'),
    );
  });

  it('marks stopped and failed answers in Markdown', () => {
    const c = conversation();
    const answer = c.turns[1]!;
    if (answer.role !== 'assistant') throw new Error('fixture');
    const md = conversationToMarkdown({
      ...c,
      turns: [
        c.turns[0]!,
        {
          ...answer,
          status: 'failed',
          error: { code: 'stream_interrupted', message: 'The answer was cut off.' },
          usage: null,
          latencyMs: null,
          firstTokenMs: null,
          costUsd: null,
          stopReason: null,
        },
      ],
    });
    expect(md).toContain('*Failed: The answer was cut off.*');
    expect(md.endsWith('*Failed: The answer was cut off.*\n')).toBe(true);
  });

  it('writes JSON that carries the whole conversation, images included', () => {
    const c = conversation();
    const parsed = JSON.parse(conversationToJson(c, new Date('2026-11-22T08:00:00.000Z'))) as {
      conversation: Conversation;
    };
    expect(parsed).toEqual({
      format: 'stratum.conversation',
      version: 1,
      exportedAt: '2026-11-22T08:00:00.000Z',
      conversation: c,
    });
    const first = parsed.conversation.turns[0];
    expect(first?.role === 'user' ? first.images[0]?.base64 : null).toBe(PIXEL);
  });

  it('names export files after the title and date', () => {
    expect(exportFileName(conversation(), 'md')).toBe('bedrock-pricing-2026-11-20.md');
    expect(exportFileName(conversation({ title: 'Été: “quotes” / slashes?' }), 'json')).toBe(
      'ete-quotes-slashes-2026-11-20.json',
    );
    expect(exportFileName(conversation({ title: '???' }), 'md')).toBe('chat-2026-11-20.md');
  });
});
