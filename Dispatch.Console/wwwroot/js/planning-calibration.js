// @ts-check
// Planning: road speeds fitted to the PSC's own trips (en route to on scene), shown as predicted
// against observed, accepted for the recommendation and routes, or dropped, after confirmation.
import { api, attempt, el, timeWib } from './common.js';
import { t } from './i18n.js';

/**
 * Mounts the calibration view in `container` for the period.
 * @param {HTMLElement} container
 * @param {{ from: string, to: string }} period WIB days, YYYY-MM-DD
 */
export async function mountCalibration(container, { from, to }) {
  /** @type {import('chart.js').Chart | undefined} */
  let chart;
  const render = async () => {
    /** @type {CalibrationView} */
    const v = await api(`/api/planning/calibration?from=${from}&to=${to}`);
    const factor = v.factors?.all;
    const canvas = el('canvas', { id: 'calibration-chart' });
    const accept = el('button', { type: 'button', class: 'primary', id: 'calibration-accept', disabled: factor === undefined }, t('calibrationAccept'));
    const reset = el('button', { type: 'button', id: 'calibration-reset', disabled: !v.current }, t('calibrationReset'));
    accept.addEventListener('click', () => attempt(async () => {
      if (!confirm(t('calibrationConfirmAccept', { factor: factor?.toFixed(2) ?? '' }))) return;
      await api('/api/planning/calibration', { method: 'POST', body: { from, to } });
      await render();
    }));
    reset.addEventListener('click', () => attempt(async () => {
      if (!confirm(t('calibrationConfirmReset'))) return;
      await api('/api/planning/calibration', { method: 'DELETE' });
      await render();
    }));
    container.replaceChildren(el('h2', {}, t('calibrationTitle')),
      el('p', { class: 'muted' }, t('calibrationRule')),
      el('dl', { class: 'calibration-figures', id: 'calibration-figures' },
        el('dt', {}, t('calibrationBasis')), el('dd', {}, t(`basis_${v.basis}`)),
        el('dt', {}, t('calibrationTrips')), el('dd', {}, t('calibrationUsed', { used: v.used, n: v.observations, min: v.minObservations })),
        el('dt', {}, t('calibrationFactor')), el('dd', {}, factor === undefined ? t('calibrationTooFew') : factor.toFixed(3)),
        ...(v.fit ? [el('dt', {}, 'R²'), el('dd', {}, v.fit.r2.toFixed(3)), el('dt', {}, t('calibrationMae')), el('dd', {}, `${v.fit.maeSeconds.toFixed(0)} s`),
          el('dt', {}, t('calibrationMedianRatio')), el('dd', {}, v.fit.medianRatio.toFixed(2))] : []),
        el('dt', {}, t('calibrationCurrent')), el('dd', {}, v.current
          ? t('calibrationInForce', { factor: v.current.factors.all.toFixed(3), by: v.current.acceptedBy, at: timeWib(v.current.acceptedAt) })
          : t('calibrationConfigured'))),
      el('div', { class: 'chart-box' }, canvas), el('div', { class: 'actions' }, accept, reset));
    chart?.destroy();
    const minutes = v.points.map(p => ({ x: p.predicted / 60, y: p.observed / 60 }));
    const top = Math.max(1, ...minutes.map(p => Math.max(p.x, p.y)));
    chart = new Chart(canvas, {
      type: 'scatter',
      data: {
        datasets: [
          { label: t('calibrationTrip'), data: minutes, backgroundColor: 'rgba(21, 101, 192, 0.6)' },
          { label: t('calibrationSame'), type: 'line', data: [{ x: 0, y: 0 }, { x: top, y: top }], borderColor: '#9e9e9e', pointRadius: 0 },
          ...(factor ? [{ label: t('calibrationFitted'), type: /** @type {const} */ ('line'), data: [{ x: 0, y: 0 }, { x: top, y: top / (factor / (v.current?.factors.all ?? 1)) }], borderColor: '#d32f2f', pointRadius: 0 }] : []),
        ],
      },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        scales: { x: { title: { display: true, text: t('calibrationPredicted') }, min: 0 }, y: { title: { display: true, text: t('calibrationObserved') }, min: 0 } },
      },
    });
  };
  await render();
}
