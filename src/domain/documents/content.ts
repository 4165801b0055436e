/**
 * What an uploaded file is, judged by its bytes and never by its name (issue 10, decision 196):
 * a PDF starts with the `%PDF-` signature, an HTML document with `<!doctype html` or `<html` (after
 * an optional byte-order mark and white space), plain text is valid UTF-8 without U+0000. Anything
 * else is refused, and so is a name whose extension says one of these types while the bytes say
 * another (a `.pdf` holding HTML). Pure functions: no I/O.
 */

export const MEDIA_TYPES = ['application/pdf', 'text/html', 'text/plain'] as const;
export type DocumentMediaType = (typeof MEDIA_TYPES)[number];

/** The extensions accepted for each type; a name without an extension is judged by its content alone. */
const EXTENSIONS: Record<string, DocumentMediaType> = {
  pdf: 'application/pdf',
  html: 'text/html',
  htm: 'text/html',
  txt: 'text/plain',
  text: 'text/plain',
  md: 'text/plain',
  csv: 'text/plain',
};

export const ACCEPTED_EXTENSIONS: readonly string[] = Object.keys(EXTENSIONS);

const TYPE_WORDS: Record<DocumentMediaType, string> = {
  'application/pdf': 'a PDF',
  'text/html': 'an HTML document',
  'text/plain': 'plain text',
};

export type Sniffed = { ok: true; mediaType: DocumentMediaType } | { ok: false; message: string };

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

function startsWith(bytes: Uint8Array, at: number, ascii: string): boolean {
  if (bytes.length - at < ascii.length) return false;
  for (let i = 0; i < ascii.length; i++) {
    let b = bytes[at + i] as number;
    if (b >= 0x41 && b <= 0x5a) b += 0x20; // ASCII lower case
    if (b !== ascii.charCodeAt(i)) return false;
  }
  return true;
}

function isHtml(bytes: Uint8Array): boolean {
  let at = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) at = 3;
  while (at < bytes.length && (bytes[at] === 0x20 || bytes[at] === 0x09 || bytes[at] === 0x0a || bytes[at] === 0x0d || bytes[at] === 0x0c))
    at++;
  if (startsWith(bytes, at, '<!doctype html')) {
    const next = bytes[at + '<!doctype html'.length];
    return next === undefined || next === 0x3e || next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d;
  }
  if (startsWith(bytes, at, '<html')) {
    const next = bytes[at + '<html'.length];
    return next === undefined || next === 0x3e || next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d || next === 0x2f;
  }
  return false;
}

function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The type the content shows, or null: none of the accepted ones. */
export function contentType(bytes: Uint8Array): DocumentMediaType | null {
  if (PDF_MAGIC.every((b, i) => bytes[i] === b)) return 'application/pdf';
  if (isHtml(bytes)) return 'text/html';
  if (isPlainText(bytes)) return 'text/plain';
  return null;
}

/** The lower-case extension of a file name ('' when it has none). */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** Checks the bytes, then that the name's extension (if any) says the same type. */
export function sniffDocument(bytes: Uint8Array, fileName: string): Sniffed {
  if (bytes.length === 0) return { ok: false, message: 'the file is empty' };
  const found = contentType(bytes);
  if (!found)
    return {
      ok: false,
      message:
        'the content is not a PDF, an HTML document or UTF-8 plain text (a PDF starts with %PDF-, an HTML file with <!doctype html> or <html>, plain text is UTF-8 without NUL bytes)',
    };
  const ext = extensionOf(fileName);
  if (ext === '') return { ok: true, mediaType: found };
  const named = EXTENSIONS[ext];
  if (!named)
    return {
      ok: false,
      message: `files named .${ext} are not accepted: upload a PDF, HTML or plain-text file (${ACCEPTED_EXTENSIONS.map((e) => `.${e}`).join(', ')})`,
    };
  if (named !== found)
    return { ok: false, message: `the file is named .${ext}, which says ${TYPE_WORDS[named]}, but its content is ${TYPE_WORDS[found]}` };
  return { ok: true, mediaType: found };
}

const MAX_NAME = 150;

/**
 * A file name safe to store and to send back: the last path segment only, without control
 * characters (CR, LF, …), quotes, backslashes, slashes or leading dots, at most 150 characters;
 * 'document' when nothing is left.
 */
export function safeFileName(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f-\u009f"'`\\/<>:*?|;\u2028\u2029]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const chars = [...base];
  if (chars.length <= MAX_NAME) return base || 'document';
  const ext = extensionOf(base);
  const keep = ext ? MAX_NAME - ext.length - 1 : MAX_NAME;
  return `${chars.slice(0, keep).join('')}${ext ? `.${ext}` : ''}`;
}

/** RFC 6266 / 8187: an ASCII fallback in `filename` and the exact name, percent-encoded UTF-8, in `filename*`. */
export function contentDisposition(name: string): string {
  const safe = safeFileName(name);
  const ascii = safe.replace(/[^\x20-\x7e]/g, '_').replace(/%/g, '_');
  const encoded = encodeURIComponent(safe).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * How a stored file is served: a PDF as application/pdf, HTML and text as text/plain (an uploaded
 * HTML page is never rendered by the browser on this origin: it could carry script).
 */
export function servedType(mediaType: DocumentMediaType): string {
  return mediaType === 'application/pdf' ? 'application/pdf' : 'text/plain; charset=utf-8';
}
