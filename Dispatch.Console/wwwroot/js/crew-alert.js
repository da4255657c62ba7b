// @ts-check
// The crew's alarm: sound and vibration on a new assignment, on a cancellation and on a change of
// the incident (triage), distinct from each other, loud enough for a moving ambulance. Generated tones: no audio file, no network.

/** @type {AudioContext | null} */
let audio = null;

// Browsers start sound only after a touch on the page: the first touch prepares it.
function prepare() {
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') audio.resume().catch(() => {});
  } catch { audio = null; /* no audio device: vibration and the screen remain */ }
}
addEventListener('pointerdown', prepare, { once: true, capture: true });

const patterns = {
  // Rising three-tone call, repeated: hard to miss.
  assignment: { tones: [660, 880, 1100, 660, 880, 1100], step: 0.22, vibrate: [500, 150, 500, 150, 500] },
  // Two falling tones and one long buzz: something was taken away.
  cancelled: { tones: [880, 440], step: 0.45, vibrate: [1200] },
  // Two short equal beeps: the incident the crew works changed (triage up or down).
  changed: { tones: [988, 988], step: 0.18, vibrate: [200, 100, 200] },
};

/** @param {'assignment' | 'cancelled' | 'changed'} kind */
export function alertCrew(kind) {
  const p = patterns[kind];
  try { navigator.vibrate?.(p.vibrate); } catch { /* not allowed here: the sound remains */ }
  prepare();
  const ctx = audio;
  if (!ctx) return;
  const start = ctx.currentTime + 0.05;
  p.tones.forEach((hz, i) => {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'square';
    osc.frequency.value = hz;
    gain.gain.value = 0.25;
    osc.connect(gain).connect(ctx.destination);
    osc.start(start + i * p.step);
    osc.stop(start + i * p.step + p.step * 0.85);
  });
}
