import { setBookmarked, setRead } from '../../db/note-progress';

/** Mark as read and Bookmark: toggle buttons whose pressed state is saved at once. */
export function NoteActions({
  noteId,
  read,
  bookmarked,
}: {
  noteId: string;
  read: boolean;
  bookmarked: boolean;
}) {
  return (
    <div className="actions">
      <button
        type="button"
        className={read ? 'toggled' : 'primary'}
        aria-pressed={read}
        onClick={() => void setRead(noteId, !read)}
      >
        {read ? '✓ Read' : 'Mark as read'}
      </button>
      <button
        type="button"
        aria-pressed={bookmarked}
        className={bookmarked ? 'toggled' : ''}
        onClick={() => void setBookmarked(noteId, !bookmarked)}
      >
        {bookmarked ? '★ Bookmarked' : '☆ Bookmark'}
      </button>
    </div>
  );
}
