/** Price-file names the importer takes from a dropped folder. */
const PRICE_FILE = /\.(csv|txt|tsv)$/i;

function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

async function walk(entry: FileSystemEntry, out: File[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    if (PRICE_FILE.test(file.name)) out.push(file);
    return;
  }
  if (entry.isDirectory) {
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    // readEntries returns at most ~100 entries a call; read until it returns none.
    for (let batch = await readEntries(reader); batch.length; batch = await readEntries(reader)) {
      for (const child of batch) await walk(child, out);
    }
  }
}

/** The files of a drop: plain files as they are, folders walked for CSV/TXT/TSV files. */
export async function filesFromDrop(data: DataTransfer): Promise<File[]> {
  const entries = Array.from(data.items)
    .filter((i) => i.kind === 'file')
    .map((i) => i.webkitGetAsEntry())
    .filter((e): e is FileSystemEntry => e !== null);
  if (entries.length === 0) return Array.from(data.files);
  const out: File[] = [];
  for (const e of entries) await walk(e, out);
  return out;
}

/** Files chosen with an `<input type="file">` (a folder input lists every file inside it). */
export function filesFromInput(list: FileList | null, folder: boolean): File[] {
  const files = Array.from(list ?? []);
  return folder ? files.filter((f) => PRICE_FILE.test(f.name)) : files;
}
