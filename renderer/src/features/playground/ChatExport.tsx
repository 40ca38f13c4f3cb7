/** The thread's export buttons: the conversation as Markdown (to read) or JSON (everything). */
import { conversationToJson, conversationToMarkdown, exportFileName } from '../../db/conversations';
import type { Conversation } from '../../db/schema';
import { downloadText } from '../../lib/download';

export function ChatExport({ conversation }: { conversation: Conversation }) {
  return (
    <div className="chat-export">
      <button
        type="button"
        onClick={() =>
          downloadText(
            exportFileName(conversation, 'md'),
            conversationToMarkdown(conversation),
            'text/markdown',
          )
        }
      >
        Export Markdown
      </button>
      <button
        type="button"
        onClick={() =>
          downloadText(
            exportFileName(conversation, 'json'),
            conversationToJson(conversation),
            'application/json',
          )
        }
      >
        Export JSON
      </button>
    </div>
  );
}
