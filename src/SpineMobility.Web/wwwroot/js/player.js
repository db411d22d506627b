// The session player's browser half. The server sends the current step and its deadline when
// something changes; this module animates the countdown from it, plays the tones, speaks the cues,
// keeps the screen awake while the session runs, and turns keys into player actions.

const SOUND = "sm-sound";
const VOICE = "sm-voice";

let root = null;
let dotnet = null;
let state = null;
let receivedAt = 0;
let frame = 0;
let lastSecond = null;
let lastKey = null;
let lastSpoken = 0;
let wakeLock = null;
let defaults = { sound: true, voice: true };

// This device's own choice wins; without one, the account's (or on).
export function preferences() {
  const stored = (key, fallback) => {
    const value = localStorage.getItem(key);
    return value === null ? fallback : value !== "off";
  };
  return { sound: stored(SOUND, defaults.sound), voice: stored(VOICE, defaults.voice) };
}

export function setPreference(name, on) {
  localStorage.setItem(name === "voice" ? VOICE : SOUND, on ? "on" : "off");
  showSoundHint();
}

export function start(element, dotnetRef, accountDefaults) {
  if (accountDefaults) defaults = { sound: !!accountDefaults.sound, voice: !!accountDefaults.voice };
  root = element || document.body;
  dotnet = dotnetRef;
  document.addEventListener("keydown", onKey);
  document.addEventListener("visibilitychange", onVisibility);
  const context = window.spine.audio();
  if (context) context.addEventListener("statechange", showSoundHint);
  showSoundHint();
}

export function stop() {
  document.removeEventListener("keydown", onKey);
  document.removeEventListener("visibilitychange", onVisibility);
  const context = window.spine.audio();
  if (context) context.removeEventListener("statechange", showSoundHint);
  clearTimeout(frame);
  if ("speechSynthesis" in window) speechSynthesis.cancel();
  releaseWakeLock();
  root = null;
  dotnet = null;
  state = null;
}

// Called after every server render that changed the step, the running state or the announcement.
export function update(next) {
  const changedStep = next.key !== lastKey;
  state = next;
  receivedAt = performance.now();
  if (changedStep) {
    lastSecond = null;
    if (lastKey !== null && !next.over) chime();
    lastKey = next.key;
  }

  if (next.announcement && next.announcement.seq > lastSpoken) {
    lastSpoken = next.announcement.seq;
    speak(next.announcement.text);
    if (next.over) chime(true);
  }

  if (next.running && !next.over) {
    requestWakeLock();
  } else {
    releaseWakeLock();
  }

  clearTimeout(frame);
  render();
}

function remainingMs(now) {
  if (!state) return 0;
  const passed = state.running ? (now - receivedAt) * state.scale : 0;
  return Math.max(0, state.remainingMs - passed);
}

function render() {
  if (!state || !root) return;
  const now = performance.now();
  const left = remainingMs(now);
  const passed = state.remainingMs - left;

  setText("[data-countdown]", clock(Math.ceil(left / 1000)));
  setWidth("[data-step-progress]", state.durationMs > 0 ? 100 * (1 - left / state.durationMs) : 100);

  const sessionLeft = Math.max(0, state.sessionRemainingMs - passed);
  setText("[data-session-remaining]", clock(Math.ceil(sessionLeft / 1000)));
  setWidth("[data-session-progress]", state.sessionTotalMs > 0 ? 100 * (1 - sessionLeft / state.sessionTotalMs) : 100);

  if (state.reps) {
    const done = state.durationMs - left;
    const rep = Math.min(state.reps.count, Math.floor(done / (state.reps.secondsPerRep * 1000)) + 1);
    setText("[data-rep]", String(rep));
  }

  // Three short tones count the last seconds of every step.
  const second = Math.ceil(left / 1000);
  if (state.running && second !== lastSecond) {
    if (lastSecond !== null && second >= 1 && second <= 3) beep(660, 0.12);
    lastSecond = second;
  }

  // A timer rather than animation frames: it keeps the 3-2-1 tones going, if throttled, in a background tab.
  if (state.running && left > 0) {
    frame = setTimeout(render, 100);
  }
}

function setText(selector, text) {
  for (const el of root.querySelectorAll(selector)) {
    if (el.textContent !== text) el.textContent = text;
  }
}

function setWidth(selector, percent) {
  const value = `${Math.min(100, Math.max(0, percent)).toFixed(2)}%`;
  for (const el of root.querySelectorAll(selector)) el.style.width = value;
}

function clock(totalSeconds) {
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${minutes}:${String(seconds).padStart(2, "0")}`;
}

function onKey(event) {
  if (!dotnet || event.altKey || event.ctrlKey || event.metaKey || event.repeat) return;
  const target = event.target;
  if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) return;
  const action = { " ": "toggle", Spacebar: "toggle", ArrowRight: "skip", ArrowLeft: "back" }[event.key];
  if (!action) return;
  // Space would also press a focused button or scroll the page.
  event.preventDefault();
  dotnet.invokeMethodAsync("OnKey", action);
}

function onVisibility() {
  if (document.visibilityState === "visible" && state && state.running && !state.over) {
    requestWakeLock();
    render();
  }
}

function showSoundHint() {
  if (!root) return;
  const context = window.spine.audio();
  const prefs = preferences();
  const locked = (prefs.sound || prefs.voice) && (!context || context.state !== "running");
  for (const el of root.querySelectorAll("[data-sound-hint]")) el.hidden = !locked;
}

function beep(frequency, seconds, delay = 0) {
  if (!preferences().sound) return;
  const context = window.spine.audio();
  if (!context || context.state !== "running") return;
  const at = context.currentTime + delay;
  const oscillator = context.createOscillator();
  const gain = context.createGain();
  oscillator.type = "sine";
  oscillator.frequency.value = frequency;
  gain.gain.setValueAtTime(0.0001, at);
  gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, at + seconds);
  oscillator.connect(gain).connect(context.destination);
  oscillator.start(at);
  oscillator.stop(at + seconds + 0.05);
}

function chime(finale = false) {
  beep(880, 0.18);
  beep(1175, 0.25, 0.16);
  if (finale) beep(1568, 0.4, 0.36);
}

function speak(text) {
  if (!text || !preferences().voice || !("speechSynthesis" in window)) return;
  speechSynthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = document.documentElement.lang || "en";
  utterance.rate = 0.95;
  speechSynthesis.speak(utterance);
}

async function requestWakeLock() {
  if (wakeLock || !("wakeLock" in navigator) || document.visibilityState !== "visible") return;
  try {
    wakeLock = await navigator.wakeLock.request("screen");
    wakeLock.addEventListener("release", () => { wakeLock = null; });
  } catch {
    wakeLock = null; // Refused (battery saver, no permission): the session still runs.
  }
}

function releaseWakeLock() {
  if (wakeLock) {
    wakeLock.release().catch(() => {});
    wakeLock = null;
  }
}

// The drawings stand still for users who asked their system for less motion.
export function reducedMotion() {
  return window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

// Back from a panel that replaced the controls, focus returns to play/pause rather than the top of the page.
export function focusControls() {
  const button = document.querySelector(".player-controls .mud-fab");
  if (button) button.focus();
}
