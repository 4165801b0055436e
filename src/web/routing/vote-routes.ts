import type { Hono } from 'hono';
import { DomainError } from '../../domain/errors.ts';
import type { Lang } from '../../domain/facts.ts';
import { evaluateVoteCounts } from '../../services/vote-evaluation.ts';
import { parseVoteForm, renderVoteCalculator, voteErrors } from '../pages/vote-calculator.ts';
import { rendered, sendPage, viewOf } from './respond.ts';

/**
 * GET /{lang}/conference/vote-calculator: the vote engine as a form that works without JavaScript
 * (GET, so a result has an address). The same service answers POST /api/votes/evaluate.
 */
export function mountVoteCalculator(app: Hono, lang: Lang): void {
  app.get(`/${lang}/conference/vote-calculator`, (c) => {
    const v = viewOf(c, lang);
    const form = parseVoteForm(new URL(c.req.url).searchParams);
    const data = { values: form.values, result: null, errors: [] };
    let page = rendered(renderVoteCalculator(v, data));
    if (form.submitted) {
      try {
        page = rendered(renderVoteCalculator(v, { ...data, result: evaluateVoteCounts(form.request, lang) }));
      } catch (e) {
        if (!(e instanceof DomainError) || e.code !== 'invalid') throw e;
        page = rendered(renderVoteCalculator(v, { ...data, errors: voteErrors(v, e, form.values) }), 400);
      }
    }
    return sendPage(c, page.body, page.status, v.session !== null);
  });
}
