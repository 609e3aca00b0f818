// Photos from the phone's camera are 4–12 MB; a village's mobile signal sends 1 MB in seconds.
// Each is drawn onto a canvas at most 1600 px on its longer side and saved as JPEG before it is
// kept or sent — enough to read a document or a meter in the picture.
const MAX_SIDE = 1600;
const QUALITY = 0.82;

export async function shrinkPhoto(file: File): Promise<{ name: string; blob: Blob }> {
  const bitmap = await createImageBitmap(file);
  try {
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const w = Math.max(1, Math.round(bitmap.width * scale));
    const h = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const g = canvas.getContext('2d');
    if (!g) throw new Error('无法处理照片');
    g.drawImage(bitmap, 0, 0, w, h);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', QUALITY));
    if (!blob) throw new Error('无法处理照片');
    const base = file.name.replace(/\.[^.]*$/, '') || '照片';
    return { name: `${base}.jpg`, blob };
  } finally {
    bitmap.close();
  }
}
