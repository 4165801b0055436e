import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError } from '../../domain/errors.ts';
import type { Lang } from '../../domain/facts.ts';
import type { UnitService } from '../../services/cases/unit-service.ts';
import { settingsErrors, settingsInput } from '../pages/unit-settings-form.ts';
import {
  CREATE_FIELDS,
  createFieldId,
  type FormValues,
  MEMBER_EMAIL_ID,
  MEMBER_ROLE_ID,
  noticeOf,
  renderUnitList,
  renderUnitPage,
} from '../pages/units.ts';
import type { FieldError } from '../views/forms.ts';
import type { View } from '../views/view.ts';
import { safeNext, seeOther, viewOf } from './respond.ts';
import { errorPage, sendView } from './supervision-routes.ts';

/**
 * /{lang}/units (the units the reader sees, and the platform admin's form to create one) and
 * /{lang}/units/{id} (settings, links to the unit's cases, worklist and figures, and its members
 * with the forms to add, change and remove them). No JavaScript; each POST carries the session's
 * CSRF token (csrfProtection in src/http/auth.ts); the service checks every right again.
 */
export function mountUnits(app: Hono, lang: Lang, deps: { units: UnitService; now: () => Date }): void {
  const { units, now } = deps;
  const base = `/${lang}/units`;

  /** Anonymous: to the sign-in page and back. */
  const signIn = (c: Context, v: View, back: string): Response | null => {
    if (v.session) return null;
    const next = safeNext(lang, back);
    return seeOther(c, next ? `/${lang}/login?next=${encodeURIComponent(next)}` : `/${lang}/login`);
  };
  const form = async (c: Context): Promise<FormValues> => {
    const body = (await c.req.parseBody().catch(() => ({}))) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(body).flatMap(([k, val]) => (typeof val === 'string' ? [[k, val]] : [])));
  };
  const text = (s: string | undefined) => (s?.trim() ? s.trim() : null);
  /** The unit id of the path; anything else is a unit no one can see. */
  const unitIdOf = (c: Context) => (/^\d{1,10}$/.test(c.req.param('id') ?? '') ? Number(c.req.param('id')) : -1);
  const refused = (c: Context, v: View, e: unknown): Response => {
    if (e instanceof DomainError && e.code === 'not_found') return errorPage(c, v, 404, v.t.unitNotFound(c.req.param('id') ?? ''));
    if (e instanceof DomainError && e.code === 'forbidden') return errorPage(c, v, 403, e.message);
    throw e;
  };

  const listPage = async (c: Context, v: View, values: FormValues, errors: FieldError[], status: ContentfulStatusCode) => {
    const actor = v.session?.actor ?? null;
    const list = await units.list(actor);
    return sendView(
      c,
      v,
      renderUnitList(v, { units: list, canCreate: actor?.role === 'admin', values, errors, notice: noticeOf(v.search) }),
      status,
    );
  };

  const unitPage = async (
    c: Context,
    v: View,
    unitId: number,
    values: FormValues,
    errors: FieldError[],
    status: ContentfulStatusCode,
    settings: { values: FormValues; errors: FieldError[] } | null = null,
  ) => {
    const actor = v.session?.actor ?? null;
    const unit = await units.get(actor, unitId);
    const caps = await units.capabilities(actor, unitId);
    const members = caps.manageMembers || caps.assign ? await units.members(actor, unitId) : null;
    const data = {
      unit,
      caps,
      members,
      values,
      errors,
      notice: noticeOf(v.search),
      settingsValues: settings?.values,
      settingsErrors: settings?.errors,
    };
    return sendView(c, v, renderUnitPage(v, data), status);
  };

  app.get(base, async (c) => {
    const v = viewOf(c, lang);
    return signIn(c, v, base) ?? listPage(c, v, {}, [], 200);
  });

  app.post(base, async (c) => {
    const v = viewOf(c, lang);
    const away = signIn(c, v, base);
    if (away) return away;
    if (v.session?.actor.role !== 'admin') return errorPage(c, v, 403, null);
    const values = await form(c);
    try {
      const unit = await units.create(
        v.session.actor,
        {
          name: values.name ?? '',
          country: values.country ?? '',
          kind: (values.kind || 'other') as never,
          province: text(values.province),
          district: text(values.district),
          supplyChain: text(values.supplyChain),
          commodity: text(values.commodity),
        },
        now(),
      );
      return seeOther(c, `${base}/${unit.id}?done=created`);
    } catch (e) {
      if (!(e instanceof DomainError && e.code === 'invalid')) return refused(c, v, e);
      const errors = e.issues.map((i) => {
        const name = (CREATE_FIELDS as readonly string[]).includes(i.field) ? i.field : 'name';
        return { id: createFieldId(name), message: v.t.unitInvalidField(v.t.unitField[name] ?? name, i.message) };
      });
      return listPage(c, v, values, errors, 400);
    }
  });

  app.get(`${base}/:id`, async (c) => {
    const v = viewOf(c, lang);
    const away = signIn(c, v, `${base}/${c.req.param('id')}`);
    if (away) return away;
    try {
      return await unitPage(c, v, unitIdOf(c), {}, [], 200);
    } catch (e) {
      return refused(c, v, e);
    }
  });

  app.post(`${base}/:id/members`, async (c) => {
    const v = viewOf(c, lang);
    const unitId = unitIdOf(c);
    const away = signIn(c, v, `${base}/${c.req.param('id')}`);
    if (away) return away;
    const actor = v.session?.actor ?? null;
    try {
      // The right first: someone outside the unit learns nothing from the form's answer.
      await units.capabilities(actor, unitId);
      const values = await form(c);
      try {
        await units.addMember(actor, unitId, { email: values.email ?? '', role: values.role ?? '' }, now());
        return seeOther(c, `${base}/${unitId}?done=added`);
      } catch (e) {
        if (!(e instanceof DomainError) || (e.code !== 'invalid' && e.code !== 'conflict')) throw e;
        const errors: FieldError[] =
          e.code === 'conflict'
            ? [{ id: MEMBER_EMAIL_ID, message: v.t.unitAlreadyMember((values.email ?? '').trim()) }]
            : e.issues.map((i) =>
                i.field === 'role'
                  ? { id: MEMBER_ROLE_ID, message: v.t.unitInvalidField(v.t.unitAddRole, i.message) }
                  : { id: MEMBER_EMAIL_ID, message: v.t.unitNoAccount },
              );
        return await unitPage(c, v, unitId, values, errors, 400);
      }
    } catch (e) {
      return refused(c, v, e);
    }
  });

  app.post(`${base}/:id/settings`, async (c) => {
    const v = viewOf(c, lang);
    const unitId = unitIdOf(c);
    const away = signIn(c, v, `${base}/${c.req.param('id')}`);
    if (away) return away;
    const actor = v.session?.actor ?? null;
    try {
      const caps = await units.capabilities(actor, unitId);
      if (!caps.manageMembers) return errorPage(c, v, 403, null);
      const values = await form(c);
      try {
        await units.update(actor, unitId, settingsInput(values));
        return seeOther(c, `${base}/${unitId}?done=saved`);
      } catch (e) {
        if (!(e instanceof DomainError && e.code === 'invalid')) throw e;
        return await unitPage(c, v, unitId, {}, [], 400, { values, errors: settingsErrors(v, e.issues) });
      }
    } catch (e) {
      return refused(c, v, e);
    }
  });

  const memberIdOf = (c: Context) => (/^\d{1,10}$/.test(c.req.param('userId') ?? '') ? Number(c.req.param('userId')) : -1);

  app.post(`${base}/:id/members/:userId`, async (c) => {
    const v = viewOf(c, lang);
    const unitId = unitIdOf(c);
    const away = signIn(c, v, `${base}/${c.req.param('id')}`);
    if (away) return away;
    const actor = v.session?.actor ?? null;
    try {
      await units.capabilities(actor, unitId);
      const values = await form(c);
      try {
        await units.changeRole(actor, unitId, memberIdOf(c), values.role ?? '');
        return seeOther(c, `${base}/${unitId}?done=changed`);
      } catch (e) {
        if (e instanceof DomainError && e.code === 'not_found' && (await units.get(actor, unitId).catch(() => null)))
          return errorPage(c, v, 404, v.t.unitMemberGone);
        if (!(e instanceof DomainError && e.code === 'invalid')) throw e;
        const errors = [{ id: `role-${memberIdOf(c)}`, message: v.t.unitInvalidField(v.t.unitColMemberRole, e.message) }];
        return await unitPage(c, v, unitId, {}, errors, 400);
      }
    } catch (e) {
      return refused(c, v, e);
    }
  });

  app.post(`${base}/:id/members/:userId/remove`, async (c) => {
    const v = viewOf(c, lang);
    const unitId = unitIdOf(c);
    const away = signIn(c, v, `${base}/${c.req.param('id')}`);
    if (away) return away;
    const actor = v.session?.actor ?? null;
    try {
      await units.capabilities(actor, unitId);
      try {
        await units.removeMember(actor, unitId, memberIdOf(c));
      } catch (e) {
        if (e instanceof DomainError && e.code === 'not_found') return errorPage(c, v, 404, v.t.unitMemberGone);
        throw e;
      }
      // A unit admin who removed themselves no longer sees the unit: back to the list.
      const stillSees = await units.get(actor, unitId).then(
        () => true,
        () => false,
      );
      return seeOther(c, stillSees ? `${base}/${unitId}?done=removed` : `${base}?done=removed`);
    } catch (e) {
      return refused(c, v, e);
    }
  });
}
