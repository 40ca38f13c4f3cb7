/**
 * The playground's saved chats. Rows are validated on the way in and out (a bad row is skipped,
 * never deleted), deletion hands the row back so it can be undone, and a conversation can be
 * exported as Markdown (to read) or JSON (everything, images included).
 *
 * Images are kept in the row as base64, because a chat must be re-sent whole on every turn
 * (Converse keeps no state between calls) and must survive a reload. To keep rows and requests a
 * sensible size, a conversation holds at most MAX_IMAGES_PER_CONVERSATION images and
 * MAX_CONVERSATION_IMAGE_BYTES of image data in total; the composer refuses more, with a message.
 */
import { formatCount, formatDuration, formatUsd } from '../lib/format';
import { getDb } from './db';
import { Conversation, type AssistantTurn, type ChatImage } from './schema';

/** Images one message may carry (Stratum's choice, well under what Converse allows). */
export const MAX_IMAGES_PER_TURN = 4;
/** Images one conversation may hold; each is sent again with every later turn. */
export const MAX_IMAGES_PER_CONVERSATION = 8;
/** Decoded image bytes one conversation may hold (Stratum's cap on row and request size). */
export const MAX_CONVERSATION_IMAGE_BYTES = 10 * 1024 * 1024;

export async function saveConversation(conversation: Conversation): Promise<void> {
  await getDb().conversations.put(Conversation.parse(conversation));
}

/** Puts back a conversation removed by `deleteConversation` (the undo). */
export const restoreConversation = saveConversation;

export async function getConversation(id: string): Promise<Conversation | null> {
  const parsed = Conversation.safeParse(await getDb().conversations.get(id));
  return parsed.success ? parsed.data : null;
}

/** Every saved conversation, most recently changed first; rows that fail validation are skipped. */
export async function listConversations(): Promise<Conversation[]> {
  const rows = await getDb().conversations.orderBy('updatedAt').reverse().toArray();
  return rows.flatMap((row) => {
    const parsed = Conversation.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * Whether a conversation matches a search: every word of the query must appear, ignoring case,
 * in its title or the text of one of its turns or its system prompt. An empty query matches.
 */
export function matchesQuery(conversation: Conversation, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [
    conversation.title,
    conversation.settings.system,
    ...conversation.turns.map((t) => t.text),
  ]
    .join('\n')
    .toLowerCase();
  return words.every((w) => haystack.includes(w));
}

export async function searchConversations(query: string): Promise<Conversation[]> {
  return (await listConversations()).filter((c) => matchesQuery(c, query));
}

/** Deletes a conversation and returns it (for undo), or null if there was none. */
export async function deleteConversation(id: string): Promise<Conversation | null> {
  const db = getDb();
  return db.transaction('rw', db.conversations, async () => {
    const row = Conversation.safeParse(await db.conversations.get(id));
    await db.conversations.delete(id);
    return row.success ? row.data : null;
  });
}

/** A title from the first line of the first message: at most 60 characters, on a word boundary. */
export function titleFrom(text: string): string {
  const line =
    text
      .split('\n')
      .map((l) => l.trim())
      .find(Boolean) ?? '';
  if (!line) return 'Untitled chat';
  if (line.length <= 60) return line;
  const cut = line.slice(0, 60);
  const space = cut.lastIndexOf(' ');
  return `${(space > 30 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** All images a conversation holds. */
export function conversationImages(conversation: Conversation): ChatImage[] {
  return conversation.turns.flatMap((t) => (t.role === 'user' ? t.images : []));
}

/** "12.3 KB", "1.5 MB": sizes as the learner reads them (1 KB = 1024 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function metricsLine(turn: AssistantTurn): string {
  const parts: string[] = [];
  if (turn.usage) {
    const { inputTokens, outputTokens } = turn.usage;
    parts.push(
      `${formatCount(inputTokens)} input tokens, ${formatCount(outputTokens)} output tokens`,
    );
  }
  if (turn.latencyMs !== null) parts.push(`latency ${formatDuration(turn.latencyMs)}`);
  if (turn.firstTokenMs !== null) parts.push(`first token ${formatDuration(turn.firstTokenMs)}`);
  if (turn.costUsd !== null) parts.push(`about ${formatUsd(turn.costUsd)}`);
  if (turn.stopReason) parts.push(`stop reason ${turn.stopReason}`);
  return parts.join(' · ');
}

/**
 * The conversation as a Markdown document to read or share. Model output is copied as the model
 * wrote it (it is Markdown already); images are named, not embedded (the JSON export keeps them).
 */
export function conversationToMarkdown(conversation: Conversation): string {
  const s = conversation.settings;
  const lines: string[] = [
    `# ${conversation.title}`,
    '',
    `- Model: \`${s.modelId}\``,
    `- Created: ${conversation.createdAt}`,
    `- Temperature: ${s.temperature}; top-p: ${s.topP ?? 'not set'}; max tokens: ${s.maxTokens}`,
    `- Stop sequences: ${s.stopSequences.length ? s.stopSequences.map((x) => JSON.stringify(x)).join(', ') : 'none'}`,
    `- Guardrail: ${s.guardrail ? `\`${s.guardrail.id}\` version ${s.guardrail.version}` : 'none'}`,
    '',
  ];
  if (s.system.trim()) {
    lines.push('## System prompt', '', s.system.trim(), '');
  }
  for (const turn of conversation.turns) {
    if (turn.role === 'user') {
      lines.push('## You', '');
      if (turn.text.trim()) lines.push(turn.text.trim(), '');
      for (const image of turn.images) {
        lines.push(
          `*Image: ${image.name} (${image.format.toUpperCase()}, ${formatBytes(image.bytes)}); kept in the JSON export.*`,
          '',
        );
      }
    } else {
      lines.push(`## Assistant (\`${turn.modelId}\`)`, '');
      if (turn.text.trim()) lines.push(turn.text.trim(), '');
      if (turn.status === 'stopped') lines.push('*Stopped before the answer was complete.*', '');
      if (turn.status === 'failed' && turn.error) {
        lines.push(`*Failed: ${turn.error.message}*`, '');
      }
      const metrics = metricsLine(turn);
      if (metrics) lines.push(`*${metrics}*`, '');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The format tag of a JSON export, so a later import can recognise the file. */
export const CONVERSATION_EXPORT_FORMAT = 'stratum.conversation';

/** The whole conversation, images included, as pretty-printed JSON. */
export function conversationToJson(conversation: Conversation, exportedAt = new Date()): string {
  return `${JSON.stringify(
    {
      format: CONVERSATION_EXPORT_FORMAT,
      version: 1,
      exportedAt: exportedAt.toISOString(),
      conversation: Conversation.parse(conversation),
    },
    null,
    2,
  )}\n`;
}

/** A file name for an export: the title's words, lower case, safe on every file system. */
export function exportFileName(conversation: Conversation, extension: 'md' | 'json'): string {
  const slug =
    conversation.title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 50)
      .replace(/-+$/, '') || 'chat';
  return `${slug}-${conversation.createdAt.slice(0, 10)}.${extension}`;
}
