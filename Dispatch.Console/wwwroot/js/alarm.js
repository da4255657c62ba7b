// @ts-check
// Sound that a busy night can rely on: generated tones (no audio file, no network), repeated while
// something waits, and a banner when the browser blocks audio until the user acts on the page.
import { el } from './common.js';
import { t } from './i18n.js';

/** @type {AudioContext | null} */
let audio = null;
let banner = /** @type {HTMLElement | null} */ (null);
let rings = 0;

/** Tones per level: 1 = a call waits, 2 = over 30 s, 3 = over 60 s; 'alarm' = an incident waiting for a unit; 'lost' = connection lost. */
const patterns = {
  1: { tones: [880, 660], gain: 0.25, length: 0.2 },
  2: { tones: [988, 784, 988], gain: 0.4, length: 0.18 },
  3: { tones: [1175, 932, 1175, 932], gain: 0.6, length: 0.15 },
  alarm: { tones: [1319, 1319, 1319], gain: 0.6, length: 0.12 },
  lost: { tones: [440, 330, 220], gain: 0.5, length: 0.3 },
  done: { tones: [660, 880], gain: 0.3, length: 0.15 },
};

function context() {
  if (!audio) {
    try { audio = new AudioContext(); } catch { return null; } // no audio device: the visual alerts remain
  }
  return audio;
}

// Made as the page loads, so that the browser's autoplay decision is taken now, not at the first call.
context();

/**
 * Plays one pattern; counts it in body[data-rings] so that people and tests can see it sounded.
 * @param {number | 'alarm' | 'lost' | 'done'} [kind]
 */
export function sound(kind = 1) {
  const ctx = context();
  rings++;
  document.body.dataset.rings = String(rings);
  document.body.dataset.lastSound = String(kind);
  document.body.dataset.sounds = [...(document.body.dataset.sounds ?? '').split(' ').filter(Boolean).slice(-9), kind].join(' ');
  if (!ctx) return;
  if (ctx.state !== 'running') { showBlocked(); return; }
  const p = patterns[/** @type {keyof typeof patterns} */ (kind)] ?? patterns[1];
  p.tones.forEach((hz, i) => {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'square';
    osc.frequency.value = hz;
    gain.gain.value = p.gain;
    osc.connect(gain).connect(ctx.destination);
    const start = ctx.currentTime + i * (p.length + 0.06);
    osc.start(start);
    osc.stop(start + p.length);
  });
}

function showBlocked() {
  if (!banner) {
    banner = el('div', { id: 'sound-banner', class: 'sound-banner', role: 'alert' },
      el('span', {}, t('soundBlocked')), ' ',
      el('button', { type: 'button', class: 'primary', onclick: () => enableSound() }, t('enableSound'), ' ', el('kbd', {}, 'Alt+S')));
    document.body.prepend(banner);
  }
  banner.hidden = false;
}

/** Resumes audio after a user gesture (the banner's button, Alt+S, or any click or key on the page). */
export async function enableSound() {
  const ctx = context();
  if (!ctx) return;
  try { await ctx.resume(); } catch { /* still blocked: the banner stays */ }
  if (ctx.state === 'running' && banner) banner.hidden = true;
}

/** Checks at start whether the browser lets the page sound; shows the banner if not. */
export function checkSound() {
  const ctx = context();
  if (ctx && ctx.state !== 'running') showBlocked();
  // Any gesture on the page unlocks audio: the operator need not find the banner.
  const unlock = () => { if (audio?.state !== 'running') enableSound(); };
  document.addEventListener('keydown', unlock, true);
  document.addEventListener('pointerdown', unlock, true);
}

/**
 * A repeating ring: every tick asks `level()` what is waiting (0 = nothing) and sounds that
 * level's pattern at its own pace (level 1 every 4 s, 2 every 2.5 s, 3 and alarms every 1.5 s).
 */
export function ringWhile(level) {
  const every = { 1: 4000, 2: 2500, 3: 1500, alarm: 1500 };
  let last = 0;
  setInterval(() => {
    const now = Date.now();
    const l = level();
    if (!l) { last = 0; return; }
    if (now - last >= (every[/** @type {keyof typeof every} */ (l)] ?? 4000)) {
      last = now;
      sound(l);
    }
  }, 250);
}
