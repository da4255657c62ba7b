// Administration: units, stations/facilities, users. Every save is logged server-side with who and when.
import { api, el, startPage } from './common.js';
import { t } from './i18n.js';

const $ = selector => document.querySelector(selector);
let stations = [], units = [];

const input = (name, value, attrs = {}) => el('input', { name, value: value ?? '', 'aria-label': t(name), ...attrs });
const select = (name, value, options) => el('select', { name, 'aria-label': t(name) },
  ...options.map(([v, label]) => el('option', { value: v, selected: String(v) === String(value ?? '') }, label)));
const field = (row, name) => row.querySelector(`[name=${name}]`);

async function save(action) {
  try {
    await action();
    $('#admin-message').textContent = t('saved');
    await load();
  } catch (e) {
    $('#admin-message').textContent = e.problem?.errors ? Object.entries(e.problem.errors).map(([k, v]) => `${k}: ${v}`).join(' · ') : e.message;
  }
}

function table(id, headers, rows) {
  $(id).replaceChildren(el('thead', {}, el('tr', {}, ...headers.map(h => el('th', {}, t(h))), el('th', {}))), el('tbody', {}, ...rows));
}

function unitRow(u) {
  const row = el('tr', {},
    el('td', {}, input('callSign', u?.callSign)), el('td', {}, input('plate', u?.plate)),
    el('td', {}, select('type', u?.type ?? 'bls', [['als', 'ALS'], ['bls', 'BLS'], ['transport', 'Transport']])),
    el('td', {}, select('homeStation', u?.homeStationId, [['', '—'], ...stations.map(s => [s.id, s.name])])),
    el('td', {}, el('input', { type: 'checkbox', name: 'inService', 'aria-label': t('inService'), checked: !u || u.status !== 'outOfService' })));
  const body = () => ({
    callSign: field(row, 'callSign').value, plate: field(row, 'plate').value, type: field(row, 'type').value,
    homeStationId: Number(field(row, 'homeStation').value) || null, inService: field(row, 'inService').checked,
  });
  row.append(el('td', {}, el('button', { type: 'button', onclick: () => save(() => u
    ? api(`/api/admin/units/${u.id}`, { method: 'PUT', body: body() })
    : api('/api/admin/units', { method: 'POST', body: body() })) }, u ? t('save') : t('add'))));
  return row;
}

function stationRow(s) {
  const row = el('tr', {},
    el('td', {}, input('name', s?.name)),
    el('td', {}, select('kind', s?.kind ?? 'hospital', [['pscPost', t('pscPost')], ['hospital', t('hospital')], ['puskesmas', t('puskesmas')]])),
    el('td', {}, input('lat', s?.lat, { type: 'number', step: 'any' })), el('td', {}, input('lon', s?.lon, { type: 'number', step: 'any' })));
  const body = () => ({ name: field(row, 'name').value, kind: field(row, 'kind').value, lat: Number(field(row, 'lat').value), lon: Number(field(row, 'lon').value) });
  row.append(el('td', {}, el('button', { type: 'button', onclick: () => save(() => s
    ? api(`/api/admin/stations/${s.id}`, { method: 'PUT', body: body() })
    : api('/api/admin/stations', { method: 'POST', body: body() })) }, s ? t('save') : t('add'))));
  return row;
}

function userRow(u) {
  const row = el('tr', {},
    el('td', {}, u ? u.username : input('username', '')), el('td', {}, input('name', u?.displayName)),
    el('td', {}, select('role', u?.role ?? 'operator', ['operator', 'crew', 'healthoffice', 'admin'].map(r => [r, r]))),
    el('td', {}, select('unit', u?.unitId, [['', '—'], ...units.map(x => [x.id, x.callSign])])),
    el('td', {}, el('input', { type: 'checkbox', name: 'disabled', 'aria-label': t('disabled'), checked: !!u?.disabled })),
    el('td', {}, input('newPassword', '', { type: 'password', autocomplete: 'new-password' })));
  const body = () => ({
    username: u?.username ?? field(row, 'username').value, displayName: field(row, 'name').value || undefined, role: field(row, 'role').value,
    unitId: Number(field(row, 'unit').value) || null, disabled: field(row, 'disabled').checked, password: field(row, 'newPassword').value || undefined,
  });
  row.append(el('td', {},
    el('button', { type: 'button', onclick: () => save(() => u
      ? api(`/api/admin/users/${u.id}`, { method: 'PUT', body: body() })
      : api('/api/admin/users', { method: 'POST', body: body() })) }, u ? t('save') : t('add')),
    u ? el('button', { type: 'button', onclick: () => save(() => api(`/api/admin/users/${u.id}/password`, { method: 'POST', body: { password: field(row, 'newPassword').value } })) }, t('resetPassword')) : null));
  return row;
}

async function load() {
  [stations, units] = await Promise.all([api('/api/facilities'), api('/api/units')]);
  const users = await api('/api/admin/users');
  table('#units', ['callSign', 'plate', 'type', 'homeStation', 'inService'], [...units.map(unitRow), unitRow(null)]);
  table('#stations', ['name', 'kind', 'lat', 'lon'], [...stations.map(stationRow), stationRow(null)]);
  table('#users', ['username', 'name', 'role', 'unit', 'disabled', 'newPassword'], [...users.map(userRow), userRow(null)]);
}

if (await startPage(['admin'])) await load();
