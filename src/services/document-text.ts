import type { DocumentMediaType } from '../domain/documents/content.ts';
import { htmlToText } from '../domain/documents/html-text.ts';

/** Text kept per file for the search (decision 196): enough for any report, bounded for the index and the database. */
export const MAX_EXTRACTED_CHARS = 1_000_000;
/** Pages of a PDF read for its text. */
export const MAX_PDF_PAGES = 1000;

function tidy(text: string): string | null {
  // U+0000 cannot be stored in PostgreSQL text; other control characters are noise to the index.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const clean = text.replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g, ' ').trim();
  return clean ? clean.slice(0, MAX_EXTRACTED_CHARS) : null;
}

/**
 * The text of a stored file for the search: a PDF's through unpdf (PDF.js), an HTML file's with
 * its tags stripped, plain text as it is. Null when there is none (a scanned PDF without a text
 * layer) or the PDF cannot be read: the document is kept and found by its title.
 */
export async function extractDocumentText(bytes: Uint8Array, mediaType: DocumentMediaType): Promise<string | null> {
  if (mediaType === 'text/plain') return tidy(new TextDecoder('utf-8').decode(bytes));
  if (mediaType === 'text/html') return tidy(htmlToText(new TextDecoder('utf-8').decode(bytes)));
  try {
    const { getDocumentProxy } = await import('unpdf');
    // PDF.js takes ownership of (and detaches) the buffer it is given: hand it a copy.
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    try {
      const parts: string[] = [];
      let length = 0;
      for (let n = 1; n <= Math.min(pdf.numPages, MAX_PDF_PAGES) && length < MAX_EXTRACTED_CHARS; n++) {
        const page = await pdf.getPage(n);
        const content = await page.getTextContent();
        const text = content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? '\n' : ''}` : '')).join('');
        parts.push(text);
        length += text.length;
        page.cleanup();
      }
      return tidy(parts.join('\n'));
    } finally {
      await pdf.loadingTask.destroy();
    }
  } catch {
    return null;
  }
}
