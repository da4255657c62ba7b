// @ts-check
import { api, attempt, ApiError } from './common.js';
import { t, applyI18n, toggleLanguage, problemText } from './i18n.js';

const home = { operator: '/', admin: '/', crew: '/crew', healthoffice: '/reports', facility: '/facility' };
// any: the element's kind (input, select, form...) is the markup's, which the checker does not read.
const $ = (/** @type {string} */ selector) => /** @type {any} */ (document.querySelector(selector));
const forms = ['#login-form', '#password-form', '#totp-form'];

function show(form) {
  forms.forEach(f => { $(f).hidden = f !== form; });
  $(form).querySelector('input')?.focus();
}

/** Where a signed-in user goes next: their own password first, then a second factor, then their page. */
async function next(me) {
  if (me.mustChangePassword) return show('#password-form');
  if (me.totpEnrolmentRequired) return startTotp();
  location.href = home[me.role] ?? '/';
  return undefined;
}

applyI18n();
$('#language').addEventListener('click', toggleLanguage);

$('#login-form').addEventListener('submit', async event => {
  event.preventDefault();
  const error = $('#login-error');
  error.textContent = '';
  try {
    const totpCode = $('#totp-row').hidden ? undefined : $('#totp-code').value;
    const me = await api('/api/auth/login?useCookies=true', {
      method: 'POST',
      body: { username: $('#username').value, password: $('#password').value, totpCode },
    });
    await next(me);
  } catch (e) {
    // A wrong name or password, a throttled sign-in or a busy server each say so in the page's
    // language; a fetch that never reached the server is no ApiError.
    if (e instanceof ApiError && e.problem?.code === 'totp-required') $('#totp-row').hidden = false;
    error.textContent = !(e instanceof ApiError) ? t('serverUnreachable')
      : e.status === 401 && !e.problem?.code?.startsWith('totp') && e.problem?.code !== 'wrong-totp-code' ? t('loginFailed')
        : problemText(e.status, e.problem);
  }
});

$('#password-form').addEventListener('submit', event => {
  event.preventDefault();
  const error = $('#password-error');
  error.textContent = '';
  if ($('#new-password').value !== $('#repeat-password').value) {
    error.textContent = t('passwordsDiffer');
    return;
  }
  attempt(async () => next(await api('/api/auth/password', {
    method: 'POST',
    body: { currentPassword: $('#current-password').value, newPassword: $('#new-password').value },
  })), text => { error.textContent = text; });
});

$('#totp-form').addEventListener('submit', event => {
  event.preventDefault();
  const error = $('#totp-error');
  error.textContent = '';
  attempt(async () => next(await api('/api/auth/totp/enable', { method: 'POST', body: { code: $('#totp-first-code').value } })),
    text => { error.textContent = text; });
});

/** Turns on the second factor: the secret as an otpauth URI for the authenticator app, then its first code. */
async function startTotp() {
  show('#totp-form');
  const setup = await api('/api/auth/totp/setup', { method: 'POST' });
  $('#totp-uri').textContent = setup.uri;
}

// The account page (?account, linked from every page's header): choose a new password, and where the
// role may, turn on the second factor.
if (new URLSearchParams(location.search).has('account')) attempt(async () => {
  const me = await api('/api/auth/me');
  show('#password-form');
  $('#password-form h2').textContent = t('accountPasswordTitle');
  $('#password-form h2 + p').textContent = t('accountPasswordHelp');
  $('#account-totp').hidden = false;
  $('#totp-start').hidden = !(me.totpAvailable && !me.totpEnabled);
  $('#totp-offer').hidden = $('#totp-start').hidden;
  $('#account-back').href = home[me.role] ?? '/';
  $('#totp-start').addEventListener('click', () => attempt(startTotp));
});

// A session that still owes a new password or a second factor is sent here (?pending) by every other page.
if (new URLSearchParams(location.search).has('pending')) attempt(async () => {
  const response = await fetch('/api/auth/me', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (!response.ok) return;
  const me = await response.json();
  if (me.mustChangePassword || me.totpEnrolmentRequired) await next(me);
});
