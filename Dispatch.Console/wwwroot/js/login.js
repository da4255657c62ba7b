import { api, ApiError } from './common.js';
import { t, applyI18n, toggleLanguage, problemText } from './i18n.js';

const home = { operator: '/', admin: '/', crew: '/crew', healthoffice: '/reports' };

applyI18n();
document.querySelector('#language').addEventListener('click', toggleLanguage);
document.querySelector('#login-form').addEventListener('submit', async event => {
  event.preventDefault();
  const error = document.querySelector('#login-error');
  error.textContent = '';
  try {
    const me = await api('/api/auth/login?useCookies=true', {
      method: 'POST',
      body: { username: document.querySelector('#username').value, password: document.querySelector('#password').value },
    });
    location.href = home[me.role] ?? '/';
  } catch (e) {
    // A wrong name or password, a throttled sign-in or a busy server each say so in the page's
    // language; a fetch that never reached the server is no ApiError.
    error.textContent = !(e instanceof ApiError) ? t('serverUnreachable') : e.status === 401 ? t('loginFailed') : problemText(e.status, e.problem);
  }
});
