import { fileTypeFromBuffer } from 'file-type';

/** The type a file's first bytes (its magic bytes) show, whatever name or type it came with. */
export async function sniffedType(bytes: Uint8Array): Promise<string | undefined> {
  return (await fileTypeFromBuffer(bytes))?.mime;
}
