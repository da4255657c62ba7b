// @ts-check
// Crew taps that wait for signal: kept on the phone (localStorage, so a reload keeps them) and sent
// in the order they were made, each with the time it was tapped, as soon as the network answers.
import { api, ApiError } from './common.js';

/**
 * @typedef {{ id: string, step: string, incidentId: number | null, destinationId?: number, at: string }} Tap
 *   step: 'acknowledge' or a crew status; at: the tap time (ISO-8601, UTC).
 */

const retryMs = 4000;

/**
 * @param {number} unitId
 * @param {{ clock: () => number, onChange: () => void, onSent: () => Promise<void>, onRefused: (error: unknown, tap: Tap) => void }} hooks
 *   clock: the server's time in ms as this phone best knows it; onChange: the list changed;
 *   onSent: a tap was answered (or refused), before it leaves the list; onRefused: the server refused a tap (it is dropped).
 */
export function createTapQueue(unitId, hooks) {
  const key = `psc119.crewTaps.${unitId}`;
  /** @returns {Tap[]} */
  const load = () => { try { return JSON.parse(localStorage.getItem(key) ?? '[]'); } catch { return []; } };
  /** @param {Tap[]} taps */
  const save = taps => { localStorage.setItem(key, JSON.stringify(taps)); hooks.onChange(); };
  /** @type {Promise<void> | null} */
  let sending = null;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let retry;

  /** @param {Tap} tap @param {boolean} withTime */
  const send = (tap, withTime) => {
    const at = withTime ? tap.at : undefined;
    return tap.step === 'acknowledge'
      ? api(`/api/units/${unitId}/acknowledge`, { method: 'POST', body: { at, incidentId: tap.incidentId ?? undefined } })
      : api(`/api/units/${unitId}/status`, { method: 'POST', body: { status: tap.step, destinationId: tap.destinationId, at, incidentId: tap.incidentId ?? undefined } });
  };

  // No answer at all (no signal) or a server that cannot answer now: keep the tap and try again.
  /** @param {unknown} e */
  const mustWait = e => !(e instanceof ApiError) || e.status === 401 || e.status >= 500;

  async function sendAll() {
    for (let tap = load()[0]; tap; tap = load()[0]) {
      try {
        try {
          await send(tap, true);
        } catch (e) {
          // The tap time precedes the step before it: the phone's clock is behind the server's.
          // The step did happen; recorded at its arrival rather than lost.
          if (e instanceof ApiError && e.problem?.code === 'time-out-of-order') await send(tap, false);
          else throw e;
        }
      } catch (e) {
        if (mustWait(e)) {
          clearTimeout(retry);
          retry = setTimeout(flush, retryMs);
          if (e instanceof ApiError && e.status >= 500) hooks.onRefused(e, tap);
          return;
        }
        hooks.onRefused(e, tap);
      }
      // The page learns the new state before the tap leaves the list, so it never offers the sent step again.
      await hooks.onSent();
      const id = tap.id;
      save(load().filter(t => t.id !== id));
    }
  }

  /** Sends what waits, in order; one run at a time. */
  function flush() {
    sending ??= sendAll().finally(() => { sending = null; });
    return sending;
  }

  addEventListener('online', () => { flush(); });

  return {
    /** @returns {Tap[]} */
    list: load,
    /**
     * Records a tap now (it waits here until the server has it) and tries to send it.
     * @param {{ step: string, incidentId: number | null, destinationId?: number }} tap
     */
    add(tap) {
      const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
      save([...load(), { id, ...tap, at: new Date(hooks.clock()).toISOString() }]);
      return flush();
    },
    flush,
  };
}
