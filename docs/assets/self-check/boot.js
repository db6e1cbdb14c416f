// Watches the self-check while PyScript starts. If Python cannot run here
// (no WebAssembly, blocked by policy, a file that does not load), the form is
// marked `data-state="error"` and a message in the page's language says so;
// the questions stay usable as a checklist, and "forget my answers" works
// without Python. checker/web/start.py marks the form "ready".
const form = document.getElementById("self-check");
const status = document.getElementById("self-check-status");
const GIVE_UP_AFTER_MS = 30000;
// The entries checker/web/saved.py names: every one starts so, and this one
// tells other tabs that the answers were forgotten.
const KEPT_PREFIX = "aasp-self-check:";
const FORGOTTEN = "aasp-self-check:v2:forgotten";
// Marks an answer the visitor gave before Python was ready: Python keeps it,
// where it puts back the kept answers over anything else in the form.
const TYPED_EARLY = "data-typed";

// This browser's localStorage for checker/web/storage.py, in calls that return
// instead of throwing: in MicroPython a JavaScript exception (storage blocked,
// or full) cannot be caught and stops the whole Python call.
window.selfCheckStorage = {
  available() {
    try {
      localStorage.getItem(FORGOTTEN);
      return true;
    } catch {
      return false;
    }
  },
  get(name) {
    try {
      return localStorage.getItem(name);
    } catch {
      return null;
    }
  },
  set(name, value) {
    try {
      localStorage.setItem(name, value);
      return true;
    } catch {
      return false; // full
    }
  },
  names() {
    try {
      return Object.keys(localStorage);
    } catch {
      return [];
    }
  },
  remove(name) {
    try {
      localStorage.removeItem(name);
    } catch {
      // blocked: nothing is kept
    }
  },
};

// Runs a function in a task of its own, soon (checker/web/start.py says why so).
// What it ran is kept for the page's life: a Python function handed to
// JavaScript is a proxy that runs script when the garbage collector frees it,
// and script run while the page is in the back/forward cache evicts it there.
const nextTaskChannel = new MessageChannel();
const nextTasks = [];
const tasksRun = new Set();
nextTaskChannel.port1.onmessage = () => {
  const callback = nextTasks.shift();
  tasksRun.add(callback);
  callback();
};
window.selfCheckNextTask = (callback) => {
  nextTasks.push(callback);
  nextTaskChannel.port2.postMessage(null);
};

// The theme's script (search, colour toggle, header) is left out of this page's
// HTML (hooks/self_check_page.py) and loaded here: at once if the self-check
// fails; once it is live, when the visitor first reaches for the theme's parts
// outside the page's content (a tap, a click or the keyboard's focus on the
// header, search, the menu, the footer). Its start-up is one long task, a
// third of a second at phone speed, that would otherwise share the main thread
// with Python's start or hold up the first keys typed into the form.
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

// PyScript's, the runtime's and the checker's files (hooks/self_check_page.py
// names them), asked for as soon as the page has painted: from <head> they
// shared a slow phone network with the page's CSS and held back its first paint
// of text; left to PyScript, each is asked for only when the one before has
// come, and the page went live later. Modules as module preloads, the rest as
// the fetches PyScript makes (same mode, so the browser hands them over).
function preloadPythonOncePainted() {
  const named = document.querySelector("script[data-preload-modules]")?.dataset ?? {};
  const links = (names, rel) => (names ?? "").split(" ").filter(Boolean).map((url) => {
    const link = document.createElement("link");
    link.rel = rel;
    if (rel === "preload") {
      link.as = "fetch";
      link.crossOrigin = "anonymous";
    }
    link.href = url;
    return link;
  });
  requestAnimationFrame(() => setTimeout(() => {
    document.head.append(...links(named.preloadModules, "modulepreload"), ...links(named.preloadFetches, "preload"));
  }));
}

const FIRST_USE = ["pointerdown", "focusin", "keydown"];

function loadThemeOnFirstUseOutsideContent() {
  const content = document.querySelector(".md-content") ?? form;
  const used = (event) => {
    if (content.contains(event.target)) return;
    for (const type of FIRST_USE) removeEventListener(type, used, true);
    loadTheme();
  };
  for (const type of FIRST_USE) addEventListener(type, used, true);
}

function failed() {
  if (form.dataset.state !== "loading") return;
  form.dataset.state = "error";
  const requirements = document.createElement("a");
  requirements.href = "../requirements/";
  requirements.textContent = status.dataset.requirements;
  status.replaceChildren(status.dataset.failed + " ", requirements);
  status.classList.add("sc-status--error");
  offerForget();
}

// Without Python the kept answers cannot be read, but they can be forgotten:
// the one thing a visitor must be able to do with them whatever happens.
function offerForget() {
  const section = document.getElementById("your-answers");
  const button = document.getElementById("forget-answers");
  const forgetStatus = document.getElementById("forget-status");
  if (!section || !button || !forgetStatus) return;
  const kept = window.selfCheckStorage;
  button.addEventListener("click", () => {
    if (kept.available()) {
      kept.set(FORGOTTEN, String(Date.now()));
      for (const name of Object.keys(localStorage)) {
        if (name.startsWith(KEPT_PREFIX) && name !== FORGOTTEN) kept.remove(name);
      }
    }
    form.reset();
    forgetStatus.textContent = forgetStatus.dataset.forgotten;
  });
  section.hidden = false;
}

if (form && status) {
  const themeWhenSettled = new MutationObserver(() => {
    if (form.dataset.state === "loading") return;
    themeWhenSettled.disconnect();
    if (form.dataset.state === "ready") loadThemeOnFirstUseOutsideContent();
    else loadTheme();
  });
  themeWhenSettled.observe(form, { attributes: true, attributeFilter: ["data-state"] });
  status.textContent = status.dataset.loading;
  preloadPythonOncePainted();
  form.addEventListener("input", (event) => {
    if (form.dataset.state === "loading") event.target.setAttribute(TYPED_EARLY, "");
  });
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
  setTimeout(failed, GIVE_UP_AFTER_MS);
} else {
  loadTheme();
}
