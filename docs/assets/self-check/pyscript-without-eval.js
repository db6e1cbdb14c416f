// Starts PyScript on a page whose policy allows no string evaluation
// ('unsafe-eval'). PyScript compiles the callbacks of its *worker* hooks into
// one function with `Function()` whenever it prepares an interpreter, even for
// a page that starts no worker (src/hooks.js, createFunction), and one callback
// is there by default (`pyscript.fs` for workers). This page runs Python on the
// main thread only, so the worker hooks are emptied: nothing left to compile.
// Importing core.js runs it first; its interpreter loads later, after fetches,
// so the sets are empty before anything reads them.
import { hooks } from "./pyscript/core.js";

for (const workerHook of Object.values(hooks.worker)) workerHook.clear();
