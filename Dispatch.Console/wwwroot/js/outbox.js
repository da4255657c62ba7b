// @ts-check
// Requests that wait for signal, kept on the phone (localStorage, so a reload keeps them) and sent
// in the order they were made as soon as the network answers. Each request must be idempotent on
// the server (the patient and observation ids are the phone's), so sending one twice is harmless.
import { api, ApiError } from './common.js';

/** @typedef {{ id: string, path: string, method: string, body: any }} Pending */

const retryMs = 4000;

/** No answer at all (no signal) or a server that cannot answer now: keep it and try again. @param {unknown} e */
export const mustWait = e => !(e instanceof ApiError) || e.status === 401 || e.status >= 500;

/**
 * @param {string} key the localStorage key
 * @param {{ onChange: () => void, onSent: (item: Pending, answer: any) => void, onRefused: (error: unknown, item: Pending) => void }} hooks
 */
export function createOutbox(key, hooks) {
  /** @returns {Pending[]} */
  const load = () => { try { return JSON.parse(localStorage.getItem(key) ?? '[]'); } catch { return []; } };
  /** @param {Pending[]} items */
  const save = items => { localStorage.setItem(key, JSON.stringify(items)); hooks.onChange(); };
  /** @type {Promise<void> | null} */
  let sending = null;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let retry;

  async function sendAll() {
    for (let item = load()[0]; item; item = load()[0]) {
      try {
        hooks.onSent(item, await api(item.path, { method: item.method, body: item.body }));
      } catch (e) {
        if (mustWait(e)) { clearTimeout(retry); retry = setTimeout(flush, retryMs); return; }
        hooks.onRefused(e, item);
      }
      const id = item.id;
      save(load().filter(p => p.id !== id));
    }
  }

  function flush() {
    sending ??= sendAll().finally(() => { sending = null; });
    return sending;
  }

  addEventListener('online', () => { flush(); });

  return {
    list: load,
    /** Queues a request and tries to send it at once. @param {Omit<Pending, 'id'>} request */
    add(request) { save([...load(), { ...request, id: crypto.randomUUID() }]); return flush(); },
    flush,
  };
}
