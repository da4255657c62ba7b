// @ts-check
// Console: routes of assigned units on their way, drawn on the map, and whether ETAs come from the
// road network (header chip; a banner when the road file was refused).
import { api } from './common.js';
import { t } from './i18n.js';

const onTheWay = ['dispatched', 'acknowledged', 'enRoute'];
const refreshMs = 10000; // a moving unit's route is fetched again at most this often

export function trackRoutes(view) {
  const fetched = new Map(); // incident id -> time of the last fetch
  return {
    /** Draws, refreshes or removes the incident's route; `moved` = its unit reported a position. */
    async update(incident, moved = false) {
      if (!incident.unitId || !onTheWay.includes(incident.status)) {
        if (fetched.delete(incident.id)) view.setRoute(incident.id, null);
        return;
      }
      const last = fetched.get(incident.id);
      if (moved ? last && Date.now() - last < refreshMs : last !== undefined) return;
      fetched.set(incident.id, Date.now());
      view.setRoute(incident.id, await api(`/api/incidents/${incident.id}/route`));
    },
  };
}

export async function showRoadStatus(chip, banner) {
  const status = await api('/api/routing/status');
  chip.dataset.mode = status.mode;
  chip.textContent = t(status.mode === 'road' ? 'etaRoad' : 'etaStraight');
  chip.title = status.file ?? '';
  banner.hidden = !status.error;
  banner.textContent = status.error ? t(status.mode === 'road' ? 'roadsRefusedKept' : 'roadsRefused', { error: status.error }) : '';
}
