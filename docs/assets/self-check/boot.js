// Watches the self-check while PyScript starts. If Python cannot run here
// (no WebAssembly, blocked by policy, a file that does not load), the form is
// marked `data-state="error"` and a message in the page's language says so;
// the questions stay usable as a checklist. checker/web.py marks it "ready".
const form = document.getElementById("self-check");
const status = document.getElementById("self-check-status");
const GIVE_UP_AFTER_MS = 30000;

// The theme's script (search, colour toggle, header) is left out of this page's
// HTML (hooks/self_check_page.py) and loaded here once the self-check is live or
// has failed: its start-up would otherwise share the main thread with Python's.
// Its page parts (table of contents, back-to-top) start on DOMContentLoaded,
// long past by then, so the listeners it adds for that event while it runs are
// called at once, as if it had come in time.
const themeScript = document.querySelector("script[data-theme-script]")?.dataset.themeScript;

function loadTheme() {
  if (!themeScript) return;
  const late = [];
  const addEventListener = document.addEventListener;
  document.addEventListener = function (type, listener, options) {
    if (type === "DOMContentLoaded") late.push(listener);
    else addEventListener.call(this, type, listener, options);
  };
  const script = document.createElement("script");
  script.src = themeScript;
  script.onload = script.onerror = () => {
    document.addEventListener = addEventListener;
    const event = new Event("DOMContentLoaded");
    for (const listener of late) {
      if (typeof listener === "function") listener.call(document, event);
      else listener.handleEvent(event);
    }
  };
  document.body.append(script);
}

function failed() {
  if (form.dataset.state !== "loading") return;
  form.dataset.state = "error";
  const requirements = document.createElement("a");
  requirements.href = "../requirements/";
  requirements.textContent = status.dataset.requirements;
  status.replaceChildren(status.dataset.failed + " ", requirements);
  status.classList.add("sc-status--error");
}

if (form && status) {
  const themeWhenSettled = new MutationObserver(() => {
    if (form.dataset.state === "loading") return;
    themeWhenSettled.disconnect();
    loadTheme();
  });
  themeWhenSettled.observe(form, { attributes: true, attributeFilter: ["data-state"] });
  status.textContent = status.dataset.loading;
  if (typeof WebAssembly !== "object") failed();
  addEventListener("error", failed);
  addEventListener("unhandledrejection", failed);
  // Only a blocked script or WebAssembly stops Python; a blocked image does not.
  document.addEventListener("securitypolicyviolation", (event) => {
    if (event.effectiveDirective.startsWith("script-src")) failed();
  });
  // PyScript reports a failed start by adding a .py-error banner to the page.
  new MutationObserver(() => {
    if (document.querySelector(".py-error")) failed();
  }).observe(document.body, { childList: true });
  // The script's end without a live form means Python stopped with an error.
  for (const type of ["mpy", "py"]) {
    document.querySelector(`script[type="${type}"]`)?.addEventListener(`${type}:done`, () => {
      if (form.dataset.state === "loading") failed();
    });
  }
  setTimeout(failed, GIVE_UP_AFTER_MS);
} else {
  loadTheme();
}
