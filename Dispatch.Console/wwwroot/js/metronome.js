// @ts-check
// The compression metronome of the CPR card: 100-120 beats a minute (ERC 2021 BLS, AHA T-CPR),
// a visual pulse on every beat and a short WebAudio click, with an elapsed timer since it started.
// The operator counts along with the caller; the sound can be muted, the pulse stays.
import { el } from './common.js';
import { t } from './i18n.js';

export const minRate = 100, maxRate = 120, defaultRate = 110;

/** @param {HTMLElement} root where the metronome is drawn */
export function createMetronome(root) {
  let rate = defaultRate, muted = false, beats = 0;
  /** @type {number | null} */ let timer = null;
  /** @type {number | null} */ let startedAt = null;
  /** @type {AudioContext | null} */ let audio = null;

  const pulse = el('span', { class: 'metronome-pulse', 'aria-hidden': 'true' });
  const elapsed = el('span', { class: 'metronome-elapsed', role: 'timer' }, '00:00');
  const rateInput = /** @type {HTMLInputElement} */ (el('input', { type: 'number', min: minRate, max: maxRate, step: 1, value: defaultRate, class: 'metronome-rate', 'aria-label': t('metronomeRate') }));
  const startButton = el('button', { type: 'button', class: 'metronome-start', onclick: () => toggle() });
  const muteButton = el('button', { type: 'button', class: 'metronome-mute', onclick: () => toggleMute() });

  rateInput.addEventListener('change', () => {
    rate = Math.min(maxRate, Math.max(minRate, Math.round(Number(rateInput.value) || defaultRate)));
    rateInput.value = String(rate);
    if (timer !== null) { stopBeats(); startBeats(); }
  });

  function click() {
    if (muted) return;
    audio ??= new AudioContext();
    const osc = audio.createOscillator(), gain = audio.createGain();
    osc.frequency.value = 1000;
    gain.gain.setValueAtTime(0.4, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.05);
    osc.connect(gain).connect(audio.destination);
    osc.start();
    osc.stop(audio.currentTime + 0.06);
  }

  function beat() {
    beats++;
    root.dataset.beats = String(beats);
    pulse.classList.remove('beat');
    void pulse.offsetWidth; // restart the animation
    pulse.classList.add('beat');
    click();
    if (startedAt !== null) {
      const s = Math.floor((performance.now() - startedAt) / 1000);
      elapsed.textContent = `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
    }
  }

  const startBeats = () => { timer = window.setInterval(beat, 60000 / rate); };
  const stopBeats = () => { if (timer !== null) window.clearInterval(timer); timer = null; };

  function render() {
    root.dataset.running = String(timer !== null);
    startButton.replaceChildren(t(timer !== null ? 'metronomeStop' : 'metronomeStart'), ' ', el('kbd', {}, 'S'));
    muteButton.replaceChildren(t(muted ? 'metronomeUnmute' : 'metronomeMute'), ' ', el('kbd', {}, 'M'));
  }

  function toggle() {
    if (timer !== null) stopBeats();
    else {
      startedAt ??= performance.now();
      beat();
      startBeats();
    }
    render();
  }

  function toggleMute() { muted = !muted; render(); }

  root.replaceChildren(el('div', { class: 'metronome-row' },
    el('strong', {}, t('metronome')), pulse, startButton, muteButton,
    el('label', {}, t('metronomeRate'), ' ', rateInput), el('span', {}, t('elapsed'), ' ', elapsed)));
  root.hidden = false;
  render();

  return {
    toggle, toggleMute,
    get running() { return timer !== null; },
    stop() { stopBeats(); audio?.close(); audio = null; root.hidden = true; root.replaceChildren(); },
  };
}
