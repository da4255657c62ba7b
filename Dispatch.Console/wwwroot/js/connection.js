// @ts-check
// A lost connection must never look like a quiet night: a full-width banner, greyed boards, one
// sound, and the time of the last update until the connection is back.
import { el, timeWib, showConnection } from './common.js';
import { t } from './i18n.js';

/** Returns the state handler for connectHub; `onLost` runs once each time the connection goes. */
export function trackConnection(onLost) {
  /** @type {number | null} */
  let lastUpdate = null; // the last moment the page was known to be current
  let lost = false;
  const banner = el('div', { id: 'offline-banner', class: 'offline-banner', role: 'alert', hidden: true });
  document.body.prepend(banner);
  const show = () => banner.replaceChildren(el('strong', {}, t('offlineTitle')), ' ',
    t('offlineDetail', { time: lastUpdate ? timeWib(new Date(lastUpdate).toISOString()) : '—' }));
  setInterval(() => { if (!lost) lastUpdate = Date.now(); }, 1000);
  return state => {
    showConnection(state);
    const isLost = state !== 'connected';
    if (isLost && !lost) {
      lost = true;
      document.body.classList.add('offline');
      show();
      banner.hidden = false;
      onLost();
    } else if (!isLost) {
      lost = false;
      lastUpdate = Date.now();
      document.body.classList.remove('offline');
      banner.hidden = true;
    }
  };
}
