/** Hands the browser a file to save, made here from text (a CSV export): nothing goes to a server. */
export function downloadText(fileName: string, text: string, type: string): void {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(link.href);
}
