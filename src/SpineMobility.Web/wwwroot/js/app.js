// Small browser helpers the Blazor components call through JS interop.
window.spine = window.spine || {};

window.spine.setCookie = (name, value) => {
  const secure = location.protocol === "https:" ? "; secure" : "";
  document.cookie = `${name}=${encodeURIComponent(value)}; path=/; max-age=31536000; samesite=lax${secure}`;
};

// A scrolled box (the year's heat map) shown from its end, where today is.
window.spine.scrollToEnd = (element) => {
  if (!element) return;
  const toEnd = () => { element.scrollLeft = element.scrollWidth; };
  toEnd();
  // The chart fits its drawing to its box a render later: follow it there, until the user scrolls or a few seconds pass.
  const follow = new MutationObserver(toEnd);
  follow.observe(element, { childList: true, subtree: true, attributes: true });
  const stop = () => follow.disconnect();
  element.addEventListener("pointerdown", stop, { once: true });
  element.addEventListener("wheel", stop, { once: true });
  setTimeout(stop, 5000);
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
