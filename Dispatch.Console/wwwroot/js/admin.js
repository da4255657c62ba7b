// @ts-check
// Administration: units, stations/facilities, users, the security events and personal data. Every save is logged server-side with who and when.
import { api, ApiError, attempt, el, startPage, showError } from './common.js';
import { t, roleText, unitTypeText, stationKindText, fieldProblemText } from './i18n.js';
import { startSecurityEvents } from './security-events.js';
import { startPersonalData } from './personal-data.js';
import { startFacilityImport } from './facility-import.js';
import { startProtocols } from './admin-protocols.js';

const $ = (/** @type {string} */ selector) => /** @type {HTMLElement} */ (document.querySelector(selector));
const roles = ['operator', 'crew', 'healthoffice', 'admin', 'facility'];
let stations = [], units = [];

const input = (name, value, attrs = {}) => el('input', { name, value: value ?? '', 'aria-label': t(name), ...attrs });
const select = (name, value, options) => el('select', { name, 'aria-label': t(name) },
  ...options.map(([v, label]) => el('option', { value: v, selected: String(v) === String(value ?? '') }, label)));
const field = (row, name) => row.querySelector(`[name=${name}]`);

// The request fields of a validation problem and the inputs of a row that hold them.
const inputsOf = { unitId: ['unit'], facilityId: ['facility'], displayName: ['name'], password: ['newPassword'], lat: ['lat', 'lon'], homeStationId: ['homeStation'] };

function clearFieldErrors(row) {
  row.querySelectorAll('.field-error').forEach(e => e.remove());
  row.querySelectorAll('[aria-invalid]').forEach(e => { e.removeAttribute('aria-invalid'); e.removeAttribute('aria-describedby'); });
}

/** Puts each refused field's problem, in the page's language, beside its input; returns whether every field found an input. */
function showFieldErrors(row, errors) {
  let placed = true;
  for (const key of Object.keys(errors)) {
    const targets = (inputsOf[key] ?? [key]).map(name => field(row, name)).filter(Boolean);
    if (!targets.length) { placed = false; continue; }
    const id = `err-${key}-${Math.random().toString(36).slice(2, 8)}`;
    targets.forEach(target => { target.setAttribute('aria-invalid', 'true'); target.setAttribute('aria-describedby', id); });
    targets.at(-1).after(el('span', { id, class: 'field-error', role: 'alert' }, fieldProblemText(key)));
  }
  return placed;
}

async function save(row, action) {
  clearFieldErrors(row);
  $('#admin-message').textContent = '';
  try {
    await action();
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return; // api() is taking the page to the login form
    if (e instanceof ApiError && e.problem?.errors && showFieldErrors(row, e.problem.errors)) $('#admin-message').textContent = t('fieldErrors');
    else showError(e);
    return;
  }
  $('#admin-message').textContent = t('saved');
  await load();
}

function table(id, headers, rows) {
  $(id).replaceChildren(el('thead', {}, el('tr', {}, ...headers.map(h => el('th', {}, t(h))), el('th', {}))), el('tbody', {}, ...rows));
}

const saveButton = (row, existing, update, create) => el('button', { type: 'button', onclick: () => save(row, existing ? update : create) }, existing ? t('save') : t('add'));

function unitRow(u) {
  const row = el('tr', {},
    el('td', {}, input('callSign', u?.callSign)), el('td', {}, input('plate', u?.plate)),
    el('td', {}, select('type', u?.type ?? 'bls', ['als', 'bls', 'transport'].map(x => [x, unitTypeText(x)]))),
    el('td', {}, select('homeStation', u?.homeStationId, [['', '—'], ...stations.map(s => [s.id, s.name])])),
    el('td', {}, el('input', { type: 'checkbox', name: 'inService', 'aria-label': t('inService'), checked: !u || u.status !== 'outOfService' })));
  const body = () => ({
    callSign: field(row, 'callSign').value, plate: field(row, 'plate').value, type: field(row, 'type').value,
    homeStationId: Number(field(row, 'homeStation').value) || null, inService: field(row, 'inService').checked,
  });
  row.append(el('td', {}, saveButton(row, u,
    () => api(`/api/admin/units/${u.id}`, { method: 'PUT', body: body() }),
    () => api('/api/admin/units', { method: 'POST', body: body() }))));
  return row;
}

function stationRow(s) {
  const row = el('tr', {},
    el('td', {}, input('name', s?.name)),
    el('td', {}, select('kind', s?.kind ?? 'hospital', ['pscPost', 'hospital', 'puskesmas'].map(x => [x, stationKindText(x)]))),
    el('td', {}, input('lat', s?.lat, { type: 'number', step: 'any' })), el('td', {}, input('lon', s?.lon, { type: 'number', step: 'any' })));
  // An empty coordinate is sent as missing (null), not as 0, so the server names the field.
  const number = name => (field(row, name).value === '' ? null : Number(field(row, name).value));
  const body = () => ({ name: field(row, 'name').value, kind: field(row, 'kind').value, lat: number('lat'), lon: number('lon') });
  row.append(el('td', {}, saveButton(row, s,
    () => api(`/api/admin/stations/${s.id}`, { method: 'PUT', body: body() }),
    () => api('/api/admin/stations', { method: 'POST', body: body() }))));
  return row;
}

function userRow(u) {
  const row = el('tr', {},
    el('td', u ? { 'data-verbatim': '' } : {}, u ? u.username : input('username', '')), el('td', {}, input('name', u?.displayName)),
    el('td', {}, select('role', u?.role ?? 'operator', roles.map(r => [r, roleText(r)]))),
    el('td', {}, select('unit', u?.unitId, [['', '—'], ...units.map(x => [x.id, x.callSign])])),
    el('td', {}, select('facility', u?.facilityId, [['', '—'], ...stations.filter(s => s.kind !== 'pscPost').map(s => [s.id, s.name])])),
    el('td', {}, el('input', { type: 'checkbox', name: 'disabled', 'aria-label': t('disabled'), checked: !!u?.disabled })),
    el('td', {}, input('newPassword', '', { type: 'password', autocomplete: 'new-password' })));
  const body = () => ({
    username: u?.username ?? field(row, 'username').value, displayName: field(row, 'name').value || undefined, role: field(row, 'role').value,
    unitId: Number(field(row, 'unit').value) || null, facilityId: Number(field(row, 'facility').value) || null, disabled: field(row, 'disabled').checked, password: field(row, 'newPassword').value || undefined,
  });
  row.append(el('td', {},
    saveButton(row, u,
      () => api(`/api/admin/users/${u.id}`, { method: 'PUT', body: body() }),
      () => api('/api/admin/users', { method: 'POST', body: body() })),
    u ? el('button', { type: 'button', onclick: () => save(row, () => api(`/api/admin/users/${u.id}/password`, { method: 'POST', body: { password: field(row, 'newPassword').value } })) }, t('resetPassword')) : null));
  return row;
}

async function load() {
  [stations, units] = await Promise.all([api('/api/facilities'), api('/api/units')]);
  const users = await api('/api/admin/users');
  table('#units', ['callSign', 'plate', 'type', 'homeStation', 'inService'], [...units.map(unitRow), unitRow(null)]);
  table('#stations', ['name', 'kind', 'lat', 'lon'], [...stations.map(stationRow), stationRow(null)]);
  table('#users', ['username', 'name', 'role', 'unit', 'facility', 'disabled', 'newPassword'], [...users.map(userRow), userRow(null)]);
}

try {
  if (await startPage(['admin'])) {
    await load();
    startPersonalData();
    startFacilityImport(load);
    await attempt(startProtocols);
    await attempt(startSecurityEvents);
  }
} catch (e) {
  showError(e);
}
