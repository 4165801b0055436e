import type { Hono } from 'hono';
import type { Lang } from '../../domain/facts.ts';
import type { CountryRef, RegistryService } from '../../services/registry-service.ts';
import type { UsdolService } from '../../services/usdol-service.ts';
import { parseGoodsForm, renderGoods } from '../pages/goods.ts';
import { rendered, sendPage, viewOf } from './respond.ts';

/**
 * GET /{lang}/goods: USDOL's List of Goods, filtered by good, country and kind with a GET form that
 * works without JavaScript (decision 181). Bad filter values: the form again, 400, naming the field.
 */
export function mountGoods(app: Hono, lang: Lang, deps: { usdol: UsdolService; registry: RegistryService }): void {
  app.get(`/${lang}/goods`, async (c) => {
    const v = viewOf(c, lang);
    const form = parseGoodsForm(v, new URL(c.req.url).searchParams);
    const members = new Map<string, CountryRef>((await deps.registry.listCountries({})).map((m) => [m.iso3, m]));
    const unfiltered = deps.usdol.goods({});
    const page = form.errors.length
      ? rendered(renderGoods(v, { ...unfiltered, items: [], total: 0 }, form, members), 400)
      : rendered(renderGoods(v, deps.usdol.goods(form.values), form, members));
    return sendPage(c, page.body, page.status, v.session !== null);
  });
}
