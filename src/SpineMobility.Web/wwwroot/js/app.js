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

// The theme is one class on the html element: its light and dark rules are both in the page's head (ThemeStyles).
const darkQuery = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
let systemWatch = null;
window.spine.theme = {
  show: dark => document.documentElement.classList.toggle("sm-dark", dark),
  // The layout of an interactive page (one a page) hears what the system prefers now and whenever that changes.
  watchSystem: layout => {
    window.spine.theme.stopWatching();
    if (!darkQuery) return false;
    systemWatch = e => layout.invokeMethodAsync("SystemThemeChanged", e.matches).catch(() => {});
    darkQuery.addEventListener("change", systemWatch);
    return darkQuery.matches;
  },
  stopWatching: () => {
    if (systemWatch) darkQuery.removeEventListener("change", systemWatch);
    systemWatch = null;
  },
};

// The server needs the user's time zone to know which day it is for them, even before any script runs on a page.
window.spine.setCookie("sm-tz", window.spine.timeZone());

// The builder's Undo history, kept per tab: an exercise page has no circuit, so coming back starts a new one.
window.spine.keepUndo = addresses => {
  try { sessionStorage.setItem("sm-builder-undo", JSON.stringify(addresses)); } catch { /* storage full or off: Undo forgets */ }
};
window.spine.keptUndo = () => {
  try { return JSON.parse(sessionStorage.getItem("sm-builder-undo") || "null"); } catch { return null; }
};

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

// When the theme follows the system, every page shows the system's colours at once (they are only a class away).
// An interactive page's layout agrees once its circuit starts. A page without a circuit (the catalog, the account
// forms) cannot tell the server: when the cookie has the system wrong, the cookie is put right and the page is fetched
// again in place, so what the server renders for the theme (the progress chart's colours) is right too.
(() => {
  if (!darkQuery) return;
  const cookie = (document.cookie.match(/(?:^|;\s*)sm-theme=([^;]*)/) || [])[1] || "system";
  if (cookie !== "system" && cookie !== "system-dark") return;
  window.spine.theme.show(darkQuery.matches);
  const wanted = darkQuery.matches ? "system-dark" : "system";
  if (wanted === cookie || !document.querySelector("[data-static-page]")) return;
  window.spine.setCookie("sm-theme", wanted);
  const again = () => window.Blazor?.navigateTo ? window.Blazor.navigateTo(location.href, { replaceHistoryEntry: true }) : location.replace(location.href);
  if (window.Blazor) again(); else window.addEventListener("load", again, { once: true });
})();

// The catalog's filters are a plain GET form: without script the search button sends it; with script every choice
// shows its result at once, and typing does after a pause (replacing the entry rather than adding one per letter).
(() => {
  let typing;
  const show = (form, replace) => {
    const query = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (String(value).trim() !== "") query.append(name, String(value).trim());
    }
    const text = query.toString();
    const url = form.getAttribute("action") + (text ? "?" + text : "");
    if (url === location.pathname + location.search) return;
    if (window.Blazor?.navigateTo) window.Blazor.navigateTo(url, { replaceHistoryEntry: replace });
    else if (replace) location.replace(url);
    else location.assign(url);
  };
  const filterForm = target => target instanceof Element ? target.closest("form[data-catalog-filters]") : null;
  document.addEventListener("change", event => {
    const form = filterForm(event.target);
    if (!form || event.target.type === "search") return;
    clearTimeout(typing);
    show(form, false);
  });
  document.addEventListener("input", event => {
    const form = filterForm(event.target);
    if (!form || event.target.type !== "search") return;
    clearTimeout(typing);
    typing = setTimeout(() => show(form, true), 300);
  });
  document.addEventListener("submit", event => {
    const form = filterForm(event.target);
    if (!form) return;
    event.preventDefault();
    clearTimeout(typing);
    show(form, false);
  });
})();

// The service worker keeps the app's look and drawings at hand and shows an offline page when the server is out of reach.
if ("serviceWorker" in navigator && window.isSecureContext) {
  window.addEventListener("load", () => navigator.serviceWorker.register("/service-worker.js").catch(() => {}));
}
