/** The thread's export buttons: the conversation as Markdown (to read) or JSON (everything). */
import { conversationToJson, conversationToMarkdown, exportFileName } from '../../db/conversations';
import type { Conversation } from '../../db/schema';

/** Saves a file the learner asked for, through the browser's (or Electron's) download. */
function download(name: string, type: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ChatExport({ conversation }: { conversation: Conversation }) {
  return (
    <div className="chat-export">
      <button
        type="button"
        onClick={() =>
          download(
            exportFileName(conversation, 'md'),
            'text/markdown',
            conversationToMarkdown(conversation),
          )
        }
      >
        Export Markdown
      </button>
      <button
        type="button"
        onClick={() =>
          download(
            exportFileName(conversation, 'json'),
            'application/json',
            conversationToJson(conversation),
          )
        }
      >
        Export JSON
      </button>
    </div>
  );
}
