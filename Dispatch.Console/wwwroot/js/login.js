import { api, ApiError } from './common.js';
import { t, applyI18n, toggleLanguage } from './i18n.js';

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
    // Only a 401 means a wrong name or password; a busy or unreachable server says so.
    error.textContent = e instanceof ApiError && e.status === 401 ? t('loginFailed') : e instanceof ApiError ? e.message : t('serverUnreachable');
  }
});
