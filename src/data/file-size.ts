const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/** The message for a file over `limit` bytes (checked from `file.size`, before anything reads it), or null. */
export function fileTooLarge(file: { name: string; size: number }, limit: number): string | null {
  return file.size > limit
    ? `${JSON.stringify(file.name.slice(0, 80))} is ${megabytes(file.size)}; the limit is ${megabytes(limit)}.`
    : null;
}
