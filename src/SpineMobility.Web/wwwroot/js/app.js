// Small browser helpers the Blazor components call through JS interop.
window.spine = window.spine || {};

window.spine.setCookie = (name, value) => {
  const secure = location.protocol === "https:" ? "; secure" : "";
  document.cookie = `${name}=${encodeURIComponent(value)}; path=/; max-age=31536000; samesite=lax${secure}`;
};

window.spine.timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

// Browsers let a page make sound only after the user has touched it. Any tap or key on any page
// unlocks it, so pressing Start on the session builder already lets the player's tones play.
window.spine.audio = () => {
  if (!window.spine.audioContext) {
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return null;
    window.spine.audioContext = new Context();
  }
  return window.spine.audioContext;
};

const unlockAudio = () => {
  const context = window.spine.audio();
  if (context && context.state !== "running") context.resume().catch(() => {});
};
document.addEventListener("pointerdown", unlockAudio, true);
document.addEventListener("keydown", unlockAudio, true);

// The server needs the user's time zone to know which day it is for them, even before any script runs on a page.
window.spine.setCookie("sm-tz", window.spine.timeZone());

// The voices this browser offers for the page's language (all of them when none matches), and the one
// chosen on this device. Chromium loads its voices a moment after the page, announcing them once.
const VOICE_NAME = "sm-voice-name";

const offeredVoices = () => {
  if (!("speechSynthesis" in window)) return [];
  const lang = (document.documentElement.lang || "en").toLowerCase().split("-")[0];
  const all = speechSynthesis.getVoices();
  const matching = all.filter(v => (v.lang || "").toLowerCase().startsWith(lang));
  return matching.length > 0 ? matching : all;
};

window.spine.voices = () => new Promise(resolve => {
  const answer = () => resolve({
    voices: offeredVoices().map(v => ({ name: v.name, lang: v.lang })),
    chosen: localStorage.getItem(VOICE_NAME),
  });
  if (!("speechSynthesis" in window) || speechSynthesis.getVoices().length > 0) {
    answer();
    return;
  }
  speechSynthesis.addEventListener("voiceschanged", answer, { once: true });
  setTimeout(answer, 1500);
});

window.spine.chooseVoice = name => {
  if (name) localStorage.setItem(VOICE_NAME, name); else localStorage.removeItem(VOICE_NAME);
};

// The remembered voice, by name, if this browser still offers it.
window.spine.chosenVoice = () => {
  const name = localStorage.getItem(VOICE_NAME);
  return name && "speechSynthesis" in window ? speechSynthesis.getVoices().find(v => v.name === name) || null : null;
};

// Blazor starts here, not by itself, to retry a dropped connection at once, then every second for a
// minute, then every 5 s: the player carries on meanwhile, and a quick return keeps the session running.
if (window.Blazor && !window.spine.started) {
  window.spine.started = true;
  Blazor.start({
    circuit: {
      reconnectionOptions: {
        maxRetries: 120,
        retryIntervalMilliseconds: previousAttempts => previousAttempts === 0 ? 0 : previousAttempts < 60 ? 1000 : 5000,
      },
    },
  });
}
