// The session player's browser half. The server sends the plan once (every step as the page shows
// and says it) and, at each change, where the session is. From that this module runs the countdown,
// moves on to the next step at its deadline, plays the tones, speaks the cues and keeps the screen
// awake, so it goes on guiding while the connection is down. It applies the server's rule too: past
// the grace period without a connection, it pauses where the connection was lost, as the server does.
// When the connection returns it shows the server's state.

const SOUND = "sm-sound";
const VOICE = "sm-voice";

// How often the countdown is redrawn (faster when a test or demo runs the session clock faster).
const TICK_MS = 100;

// Real time within which this page and the server agree on the countdown.
const SAME_MS = 250;

let root = null;
let dotnet = null;
let planned = null; // the plan: every step as the page shows and says it

// Where the session is: a step, what was left of it at `at` (performance.now()), and whether it runs.
// Set by the server's updates; moved on by this module alone between them.
let anchor = null;
let shownStep = -1;
let announced = -1;
let saidDuring = new Set();
let finalSaid = false;
let lastSecond = null;
let frame = 0;
let wakeLock = null;
let defaults = { sound: true, voice: true };

// "up", "down" (carrying on within the grace period) or "lost" (paused where the connection was lost).
let connection = "up";
let lost = null;
let graceTimer = 0;

// A server render can land with times a moment (or, replayed after a dropped connection, seconds) old.
// The countdown of the step this page shows is its own to keep; while the connection is down or the
// server's fresh state has not arrived, so are the step's words.
let resyncing = false;
const replayed = new MutationObserver(() => {
  if (!anchor || !root) return;
  const pos = position(performance.now());
  if (resyncing || connection !== "up") {
    writeStep(pos.step);
    render(pos);
  } else if (Number(root.dataset.step) === pos.step) {
    render(pos);
  }
});

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
  if (!on && name === "voice" && "speechSynthesis" in window) speechSynthesis.cancel();
  showSoundHint();
}

// Called when a player page opens. Everything about the previous session in this tab is forgotten,
// so a second session speaks from its first words like the first did.
export function start(element, dotnetRef, accountDefaults) {
  stop();
  if (accountDefaults) defaults = { sound: !!accountDefaults.sound, voice: !!accountDefaults.voice };
  root = element || document.body;
  dotnet = dotnetRef;
  document.addEventListener("keydown", onKey);
  document.addEventListener("visibilitychange", onVisibility);
  const dialog = reconnectDialog();
  if (dialog) dialog.addEventListener("components-reconnect-state-changed", onConnectionState);
  const context = window.spine.audio();
  if (context) context.addEventListener("statechange", showSoundHint);
  if (element) replayed.observe(root, { subtree: true, childList: true, characterData: true });
  showSoundHint();
}

export function stop() {
  replayed.disconnect();
  resyncing = false;
  document.removeEventListener("keydown", onKey);
  document.removeEventListener("visibilitychange", onVisibility);
  const dialog = reconnectDialog();
  if (dialog) dialog.removeEventListener("components-reconnect-state-changed", onConnectionState);
  const context = window.spine && window.spine.audio();
  if (context) context.removeEventListener("statechange", showSoundHint);
  clearTimeout(frame);
  clearTimeout(graceTimer);
  if ("speechSynthesis" in window) speechSynthesis.cancel();
  releaseWakeLock();
  setConnectionNote(null);
  root = null;
  dotnet = null;
  planned = null;
  anchor = null;
  shownStep = -1;
  announced = -1;
  saidDuring = new Set();
  finalSaid = false;
  lastSecond = null;
  connection = "up";
  lost = null;
}

// The plan: sent once per session, and again when it changes (a gentler exercise put in).
export function plan(next) {
  planned = next;
}

// Where the session is, after every server render that changed the step, the running state or the announcement.
export function update(next) {
  const now = performance.now();
  const ownWay = anchor ? position(now) : null;
  // The server moved to where this page already was (a deadline both saw), or somewhere else (skip, back, another tab).
  const jumped = ownWay !== null && ownWay.step !== next.step;
  const first = anchor === null;
  if (connection !== "up") return; // the connection's rule decides until it is back
  resyncing = false;
  // Both sides count down to the same deadlines; a difference smaller than a moment's delivery is that delay, not a
  // change, and following it would make the countdown jump back.
  const scale = planned ? planned.scale : 1;
  const same = ownWay !== null && !jumped && anchor.running && next.running && !next.over
    && Math.abs(ownWay.left - next.remainingMs) < SAME_MS * scale;
  anchor = same
    ? { step: ownWay.step, remainingMs: ownWay.left, at: now, running: true, over: false }
    : { step: next.step, remainingMs: next.remainingMs, at: now, running: next.running, over: next.over };

  if (next.over) {
    finish(next.final);
    return;
  }

  if (jumped) {
    if ("speechSynthesis" in window) speechSynthesis.cancel(); // the user moved on: old words would mislead
    chime();
  }
  if (root) root.dataset.status = next.running ? "running" : "paused";
  enterStep(next.step, { speak: next.running && (first || jumped || announced !== next.step) });
  showRenderedStep(true);
  if (next.running) requestWakeLock(); else releaseWakeLock();
  tick();
}

function position(now) {
  const steps = planned ? planned.steps : null;
  if (!anchor.running || anchor.over || !steps) {
    return { step: anchor.step, left: anchor.remainingMs, over: anchor.over };
  }

  let step = anchor.step;
  let left = anchor.remainingMs - (now - anchor.at) * planned.scale;
  while (left <= 0 && step + 1 < steps.length) {
    step++;
    left += steps[step].durationMs;
  }
  return left <= 0 ? { step, left: 0, over: true } : { step, left, over: false };
}

function tick() {
  clearTimeout(frame);
  if (!anchor || !root) return;
  const pos = position(performance.now());
  if (pos.over && !anchor.over) {
    // The last step ended with nobody to tell us: the session is complete here too.
    render(pos);
    finish(planned ? planned.complete : null);
    return;
  }

  if (pos.step !== shownStep) {
    enterStep(pos.step, { speak: anchor.running });
    chime();
  }
  render(pos);
  sayDuring(pos);

  // A timer rather than animation frames: it keeps the 3-2-1 tones going, if throttled, in a background tab.
  if (anchor.running && !pos.over) {
    const scale = planned ? planned.scale : 1;
    frame = setTimeout(tick, Math.max(16, Math.min(TICK_MS, 500 / scale)));
  }
}

function render(pos) {
  const step = planned ? planned.steps[pos.step] : null;
  const left = pos.left;
  setText("[data-countdown]", clock(Math.ceil(left / 1000)));
  const duration = step ? step.durationMs : 0;
  setWidth("[data-step-progress]", duration > 0 ? 100 * (1 - left / duration) : 100);

  if (planned) {
    let sessionLeft = left;
    let total = 0;
    for (let i = 0; i < planned.steps.length; i++) {
      total += planned.steps[i].durationMs;
      if (i > pos.step) sessionLeft += planned.steps[i].durationMs;
    }
    setText("[data-session-remaining]", clock(Math.ceil(sessionLeft / 1000)));
    setWidth("[data-session-progress]", total > 0 ? 100 * (1 - sessionLeft / total) : 100);
  }

  if (step && step.reps) {
    const done = duration - left;
    const rep = Math.min(step.reps, Math.floor(done / (step.secondsPerRep * 1000)) + 1);
    setText("[data-rep]", String(rep));
  }

  // Three short tones count the last seconds of every step.
  const second = Math.ceil(left / 1000);
  if (anchor.running && second !== lastSecond) {
    if (lastSecond !== null && second >= 1 && second <= 3) beep(660, 0.12);
    lastSecond = second;
  }
}

// Shows a step as the server renders it, and says its opening words once.
function enterStep(index, { speak: say }) {
  if (index !== shownStep) {
    shownStep = index;
    lastSecond = null;
    saidDuring = new Set();
  }
  writeStep(index);
  const step = planned ? planned.steps[index] : null;
  if (!step) return;
  if (say && announced !== index) speak(step.say);
  if (say) announced = index;
}

// The step's words, from the plan: the same ones the server renders.
function writeStep(index) {
  const step = planned ? planned.steps[index] : null;
  if (!root || !step) return;
  root.dataset.shownStep = String(index);
  setText("[data-step-kind]", step.kind);
  setText("[data-exercise-name]", step.name);
  setText("[data-phase]", step.phase);
  for (const chip of root.querySelectorAll("[data-testid=side]")) chip.hidden = !step.side;
  if (step.side) setText("[data-side]", step.side);
  for (const reps of root.querySelectorAll("[data-testid=reps]")) reps.hidden = !step.reps;
  if (step.reps) setText("[data-reps]", String(step.reps));
  setText("[data-next-name]", step.nextName);
  setText("[data-next-dose]", step.nextDose);
  showFigure(step.figure);
  if (connection !== "up" || resyncing) showRenderedStep(false);
}

function showFigure(figure) {
  for (const el of root.querySelectorAll("[data-testid=figure]")) {
    if (!figure) continue;
    el.classList.toggle("figure-mirrored", figure.mirrored);
    // The next drawing may have another shape (someone lying on the mat is drawn in a wide frame): the box follows it.
    el.classList.toggle("figure-wide", figure.width * 10 > figure.height * 16);
    if (el.classList.contains("figure-stack")) el.style.aspectRatio = `${figure.width} / ${figure.height}`;
    const images = el.querySelectorAll("img");
    setImage(images[0], figure.start, figure.startAlt, figure);
    setImage(images[1], figure.end, figure.endAlt, figure);
  }
}

function setImage(img, src, alt, size) {
  if (!img) return;
  if (img.getAttribute("src") !== src) img.setAttribute("src", src);
  if (img.getAttribute("alt") !== alt) img.setAttribute("alt", alt);
  if (img.getAttribute("width") !== String(size.width)) img.setAttribute("width", String(size.width));
  if (img.getAttribute("height") !== String(size.height)) img.setAttribute("height", String(size.height));
}

// The cues, cautions and questions below the controls belong to the step the server rendered;
// they are hidden while this page shows a later step on its own.
function showRenderedStep(show) {
  if (!root) return;
  for (const el of root.querySelectorAll("[data-rendered-step]")) el.hidden = !show;
}

function sayDuring(pos) {
  const step = planned ? planned.steps[pos.step] : null;
  if (!step || !anchor.running) return;
  // Only within a moment of its time: a page reopened later does not say what it missed.
  const late = Math.max(1500, 3 * TICK_MS * planned.scale);
  step.during.forEach((cue, i) => {
    if (!saidDuring.has(i) && pos.left <= cue.atRemainingMs) {
      saidDuring.add(i);
      if (pos.left > cue.atRemainingMs - late) speak(cue.text);
    }
  });
}

function finish(words) {
  clearTimeout(frame);
  releaseWakeLock();
  if (!finalSaid) {
    finalSaid = true;
    speak(words);
    chime(true);
  }
}

// Writes into the text node the server rendered, so later renders still reach it.
function setText(selector, text) {
  if (!root) return;
  for (const el of root.querySelectorAll(selector)) {
    const only = el.childNodes.length === 1 ? el.firstChild : null;
    if (only && only.nodeType === Node.TEXT_NODE) {
      if (only.nodeValue !== text) only.nodeValue = text;
    } else if (el.textContent !== text) {
      el.textContent = text;
    }
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

// ---- A dropped connection ----

function reconnectDialog() {
  return document.getElementById("components-reconnect-modal");
}

function onConnectionState(event) {
  const state = event.detail && event.detail.state;
  if (state === "show" || state === "retrying") connectionDown();
  else if (state === "hide") connectionUp();
}

function connectionDown() {
  if (connection !== "up" || !anchor || anchor.over) return;
  const now = performance.now();
  const pos = position(now);
  connection = "down";
  lost = { step: pos.step, left: pos.left, running: anchor.running };
  // Carry on from here on our own: the anchor is where the session is now.
  anchor = { step: pos.step, remainingMs: pos.left, at: now, running: anchor.running, over: false };
  showRenderedStep(pos.step === Number(root && root.dataset.step));
  if (anchor.running && planned) graceTimer = setTimeout(pauseWhereLost, planned.graceMs);
}

// The server's rule, applied here too: nobody came back within the grace, so the session pauses as it
// stood when the connection was lost, and both sides agree on that when it returns.
function pauseWhereLost() {
  if (connection !== "down" || !lost || !planned) return;
  connection = "lost";
  finalSaid = false;
  clearTimeout(frame);
  anchor = { step: lost.step, remainingMs: lost.left, at: performance.now(), running: false, over: false };
  enterStep(lost.step, { speak: false });
  if (root) root.dataset.status = "paused";
  render({ step: lost.step, left: lost.left, over: false });
  const step = planned.steps[lost.step];
  setConnectionNote(`Connection lost, paused at ${step.name} with ${clock(Math.ceil(lost.left / 1000))} left. Resume when you're back.`);
  if ("speechSynthesis" in window) speechSynthesis.cancel();
  speak(planned.connectionLost);
  releaseWakeLock();
}

function connectionUp() {
  clearTimeout(graceTimer);
  const was = connection;
  connection = "up";
  lost = null;
  setConnectionNote(null);
  // Whatever this page did meanwhile, the server's state is what counts: ask for it again.
  if (was !== "up" && dotnet) {
    resyncing = true;
    dotnet.invokeMethodAsync("Resync").catch(() => { resyncing = false; });
  }
}

function setConnectionNote(text) {
  const dialog = reconnectDialog();
  if (!dialog) return;
  dialog.classList.toggle("player-connection-lost", !!text);
  for (const el of dialog.querySelectorAll("[data-player-connection]")) {
    el.textContent = text || "";
    el.hidden = !text;
  }
}

// ---- Keys ----

// Space and Enter press a focused button; the arrows move within radios, sliders, lists and menus.
const USES_SPACE = "button, a[href], input, select, textarea, summary, [contenteditable=''], [contenteditable=true], " +
  "[role=button], [role=link], [role=checkbox], [role=switch], [role=radio], [role=menuitem], [role=option], [role=tab]";
const USES_ARROWS = "input, select, textarea, [contenteditable=''], [contenteditable=true], [role=radio], [role=radiogroup], " +
  "[role=slider], [role=spinbutton], [role=listbox], [role=option], [role=menu], [role=menuitem], [role=tablist], [role=tab], [role=combobox]";

function onKey(event) {
  if (!dotnet || event.altKey || event.ctrlKey || event.metaKey || event.repeat) return;
  const action = { " ": "toggle", Spacebar: "toggle", ArrowRight: "skip", ArrowLeft: "back" }[event.key];
  if (!action) return;
  const target = event.target instanceof Element ? event.target : null;
  if (target && target.closest(action === "toggle" ? USES_SPACE : USES_ARROWS)) return; // the control's own key
  // Space would also scroll the page.
  event.preventDefault();
  dotnet.invokeMethodAsync("OnKey", action);
}

function onVisibility() {
  if (document.visibilityState === "visible" && anchor && anchor.running && !anchor.over) {
    requestWakeLock();
    tick();
  }
}

// ---- Sound ----

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

// Queued, never cut off: the next words wait until these are said. (The server keeps what is said
// at each step short enough to fit; only the user's own skip or back cancels what is still queued.)
function speak(text) {
  if (!text || !preferences().voice || !("speechSynthesis" in window)) return;
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = document.documentElement.lang || "en";
  utterance.rate = 1;
  const voice = window.spine.chosenVoice && window.spine.chosenVoice();
  if (voice) utterance.voice = voice;
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
