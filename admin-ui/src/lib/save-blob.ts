/**
 * Hands a fetched file to the browser's download. Files behind the bearer token cannot be plain
 * links, so they are fetched first and offered from an object URL.
 */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers (Firefox reads the URL later);
  // holding a small CSV for a while costs nothing.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
