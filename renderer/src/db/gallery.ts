/** The image gallery. Rows are validated on the way out; a bad row is skipped, not deleted. */
import { getDb } from './db';
import { GalleryImage } from './schema';

export async function addImages(images: GalleryImage[]): Promise<void> {
  const db = getDb();
  const rows = images.map((i) => GalleryImage.parse(i));
  await db.transaction('rw', db.images, () => db.images.bulkPut(rows));
}

export async function listImages(): Promise<GalleryImage[]> {
  const rows = await getDb().images.orderBy('createdAt').reverse().toArray();
  return rows.flatMap((row) => {
    const parsed = GalleryImage.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

export async function deleteImage(id: string): Promise<GalleryImage | null> {
  const db = getDb();
  return db.transaction('rw', db.images, async () => {
    const row = GalleryImage.safeParse(await db.images.get(id));
    await db.images.delete(id);
    return row.success ? row.data : null;
  });
}
