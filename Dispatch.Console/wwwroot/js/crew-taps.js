// @ts-check
// Crew taps that wait for signal: kept on the phone (localStorage, so a reload keeps them) and sent
// in the order they were made, each with the time it was tapped, as soon as the network answers.
import { api, ApiError } from './common.js';
import { createOutbox } from './outbox.js';

/**
 * @typedef {{ id: string, step: string, incidentId: number | null, destinationId?: number, at: string }} Tap
 *   step: 'acknowledge' or a crew status; at: the tap time (ISO-8601, UTC).
 */

/**
 * @param {number} unitId
 * @param {{ clock: () => number, onChange: () => void, onSent: () => Promise<void>, onRefused: (error: unknown, tap: Tap) => void }} hooks
 *   clock: the server's time in ms as this phone best knows it; onChange: the list changed;
 *   onSent: a tap was answered (or refused), before it leaves the list; onRefused: the server refused a tap (it is dropped).
 */
export function createTapQueue(unitId, hooks) {
  /** @param {Tap} tap @param {boolean} withTime */
  const post = (tap, withTime) => {
    const at = withTime ? tap.at : undefined;
    return tap.step === 'acknowledge'
      ? api(`/api/units/${unitId}/acknowledge`, { method: 'POST', body: { at, incidentId: tap.incidentId ?? undefined } })
      : api(`/api/units/${unitId}/status`, { method: 'POST', body: { status: tap.step, destinationId: tap.destinationId, at, incidentId: tap.incidentId ?? undefined } });
  };

  /** @type {ReturnType<typeof createOutbox<Tap>>} */
  const outbox = createOutbox(`psc119.crewTaps.${unitId}`, {
    async send(tap) {
      try {
        return await post(tap, true);
      } catch (e) {
        // The tap time precedes the step before it: the phone's clock is behind the server's.
        // The step did happen; recorded at its arrival rather than lost.
        if (e instanceof ApiError && e.problem?.code === 'time-out-of-order') return await post(tap, false);
        throw e;
      }
    },
    onChange: hooks.onChange,
    // The page learns the new state before the tap leaves the list, so it never offers the sent step again.
    onSent: () => hooks.onSent(),
    onRefused: hooks.onRefused,
    onWaiting: (e, tap) => { if (e instanceof ApiError && e.status >= 500) hooks.onRefused(e, tap); },
  });

  return {
    /** @returns {Tap[]} */
    list: outbox.list,
    /**
     * Records a tap now (it waits here until the server has it) and tries to send it.
     * @param {{ step: string, incidentId: number | null, destinationId?: number }} tap
     */
    add(tap) { return outbox.add({ ...tap, at: new Date(hooks.clock()).toISOString() }); },
    flush: outbox.flush,
  };
}
