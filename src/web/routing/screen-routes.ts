import { Readable } from 'node:stream';
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError } from '../../domain/errors.ts';
import type { Lang } from '../../domain/facts.ts';
import { isIsoDay } from '../../domain/partial-date.ts';
import { authState } from '../../http/auth.ts';
import { streamScreening } from '../../http/screening-stream.ts';
import type { ComplianceService } from '../../services/compliance-service.ts';
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_MB, renderComplianceScreen, SCREEN_FIELD_IDS } from '../pages/compliance-screen.ts';
import type { FieldError } from '../views/forms.ts';
import { createView, type View } from '../views/view.ts';
import { sendPage, sessionOf } from './respond.ts';
import { screenInputMessage } from './screen-download.ts';

const utf8 = new TextEncoder();

function tooLarge(v: View): FieldError {
  return { id: SCREEN_FIELD_IDS.file, message: v.t.screenFileTooLarge(v.f.number(MAX_UPLOAD_MB)) };
}

/** The screening page (`/{lang}/compliance/screen`): the form, and the upload screened as a CSV download. */
export function mountScreening(app: Hono, lang: Lang, deps: { compliance: ComplianceService; today: () => string }): void {
  const { compliance, today } = deps;
  const base = `/${lang}`;
  const screenView = (c: Context) => createView(lang, '/compliance/screen', '', sessionOf(c));
  const screenPage = (c: Context, status: ContentfulStatusCode, on: string, errors: FieldError[] = [], detail: string | null = null) => {
    const v = screenView(c);
    // A signed-in reader's upload is checked against their session's CSRF token.
    const csrfToken = authState(c).csrfToken ?? '';
    return sendPage(c, utf8.encode(renderComplianceScreen(v, { on, errors, detail, csrfToken })), status, v.session !== null);
  };

  app.get(`${base}/compliance/screen`, (c) => screenPage(c, 200, today()));

  /**
   * The form without JavaScript: the upload is parsed (at most MAX_UPLOAD_MB), screened as a
   * stream and sent back as a CSV download; a file that cannot be screened gets the page again.
   */
  app.post(
    `${base}/compliance/screen`,
    bodyLimit({
      // The multipart envelope and the date field add a little to the file itself.
      maxSize: MAX_UPLOAD_BYTES + 64 * 1024,
      onError: (c) => screenPage(c, 413, today(), [tooLarge(screenView(c))]),
    }),
    async (c) => {
      const v = screenView(c);
      const body = await c.req.parseBody().catch(() => ({}) as Record<string, string | File>);
      const rawOn = typeof body.on === 'string' ? body.on.trim() : '';
      const on = rawOn || today();
      const file = body.file;
      const errors: FieldError[] = [];
      if (!(file instanceof File) || (file.size === 0 && !file.name))
        errors.push({ id: SCREEN_FIELD_IDS.file, message: v.t.screenFileMissing });
      else if (file.size > MAX_UPLOAD_BYTES) return screenPage(c, 413, on, [tooLarge(v)]);
      if (!isIsoDay(on)) errors.push({ id: SCREEN_FIELD_IDS.on, message: v.t.screenOnInvalid });
      if (errors.length || !(file instanceof File)) return screenPage(c, 400, on, errors);
      try {
        const stream = await streamScreening(c, Readable.fromWeb(file.stream() as import('node:stream/web').ReadableStream<Uint8Array>), {
          on,
          facts: await compliance.allCountryFacts(),
        });
        return new Response(stream, {
          status: 200,
          headers: {
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition': `attachment; filename="screening-${on}.csv"`,
            'cache-control': 'no-store',
          },
        });
      } catch (e) {
        if (!(e instanceof DomainError) || e.code !== 'invalid') throw e;
        return screenPage(c, 400, on, [{ id: SCREEN_FIELD_IDS.file, message: screenInputMessage(v, e) }], e.message);
      }
    },
  );
}
