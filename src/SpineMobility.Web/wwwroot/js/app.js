// Small browser helpers the Blazor components call through JS interop.
window.spine = window.spine || {};

window.spine.setCookie = (name, value) => {
  document.cookie = `${name}=${encodeURIComponent(value)}; path=/; max-age=31536000; samesite=lax`;
};

window.spine.timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
