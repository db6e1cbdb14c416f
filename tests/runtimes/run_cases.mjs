// Run the case table (tests/cases/) against checker/ inside a WebAssembly Python.
//
//   node tests/runtimes/run_cases.mjs pyodide|micropython [--checker DIR] [--cases DIR]
//
// Loads the runtime from the npm packages pinned in package-lock.json (node_modules at
// the repository root), writes checker/ (every file, recursively), tests/case_runner.py
// and the case table's folder into the runtime's file system, runs case_runner there
// (which expands the table as in CPython, with the requirement IDs of checker.rules)
// and tests/draft_checks.py (a few checks of the e-mail draft), and prints ONE JSON
// line on stdout:
//   {"runtime", "version", "python", "mpy" (MicroPython's sys.implementation._mpy), "ran", "failures": {name: [problems]},
//    "drafts": {"ran", "failures": [names]},
//    "error" (only when the run itself broke), "load_s", "run_s", "output"}
// Exit 0: every case and draft check holds; 1: failures (or the checker could not be imported);
// 2: the runtime could not be loaded or the arguments are wrong.
// Everything the runtimes print themselves goes to stderr, so stdout holds only that line.

import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "..", "..");
const MOUNT = "/harness"; // folder inside the runtime's FS, put on sys.path

const realLog = console.log.bind(console);
// Anything a runtime logs through console.* goes to stderr, never to our stdout line.
for (const name of ["log", "info", "debug", "warn"]) {
  console[name] = (...args) => console.error(...args);
}

function emit(obj, code) {
  realLog(JSON.stringify(obj));
  process.exitCode = code;
}

function usage(message) {
  emit({ error: message + "; usage: node run_cases.mjs pyodide|micropython [--checker DIR] [--cases DIR]" }, 2);
}

function parseArgs(argv) {
  const args = { runtime: null, checker: join(ROOT, "checker"), cases: join(ROOT, "tests", "cases") };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--checker" && i + 1 < argv.length) args.checker = resolve(argv[++i]);
    else if (a === "--cases" && i + 1 < argv.length) args.cases = resolve(argv[++i]);
    else if (!a.startsWith("--") && args.runtime === null) args.runtime = a;
    else return { error: "unexpected argument " + JSON.stringify(a) };
  }
  if (args.runtime !== "pyodide" && args.runtime !== "micropython") {
    return { error: "runtime must be pyodide or micropython, got " + JSON.stringify(args.runtime) };
  }
  return args;
}

// Every regular file under dir, as [path relative to dir with "/" separators, bytes].
function collect(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      if (name === "__pycache__" || name.startsWith(".")) continue;
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (st.isFile()) out.push([relative(dir, p).split(sep).join("/"), readFileSync(p)]);
    }
  };
  walk(dir);
  return out;
}

function mkdirs(FS, path) {
  let cur = "";
  for (const part of path.split("/")) {
    if (!part) continue;
    cur += "/" + part;
    try {
      FS.mkdir(cur);
    } catch (e) {
      // exists already
    }
  }
}

function writeInto(FS, target, bytes) {
  mkdirs(FS, target.slice(0, target.lastIndexOf("/")));
  FS.writeFile(target, new Uint8Array(bytes));
}

// Python run inside the runtime: leaves the result JSON in the global RESULT.
const DRIVER = `
import sys, json
sys.path.insert(0, "${MOUNT}")
RESULT = None
try:
    import case_runner
except Exception as exc:
    RESULT = json.dumps({"error": "cannot import case_runner: " + repr(exc)})
if RESULT is None:
    _impl = sys.implementation.name
    _ver = ".".join([str(v) for v in sys.implementation.version[:3]])
    _python = _impl + " " + _ver + " (Python " + ".".join([str(v) for v in sys.version_info[:3]]) + ")"
    _mpy = getattr(sys.implementation, "_mpy", None)  # MicroPython's bytecode format
    try:
        import checker
        from checker.rules import RULES
    except Exception as exc:
        RESULT = json.dumps({"python": _python, "error": "cannot import checker: " + case_runner.format_exception(exc)})
if RESULT is None:
    try:
        _profiles, _cases = case_runner.load_table("${MOUNT}/cases")
        from checker import strict_json
        _result = case_runner.run_all(_profiles, _cases, checker.assess, [rule.id for rule in RULES],
                                      case_runner.reader(strict_json))
        _result["python"] = _python
        _result["mpy"] = _mpy
    except Exception as exc:
        RESULT = json.dumps({"python": _python, "error": "run_all broke: " + case_runner.format_exception(exc)})
if RESULT is None:
    try:
        import draft_checks
        _result["drafts"] = draft_checks.run(_profiles["complete"]["answers"])
        RESULT = json.dumps(_result)
    except Exception as exc:
        RESULT = json.dumps({"python": _python, "error": "the draft checks broke: " + case_runner.format_exception(exc)})
`;

const output = []; // what the Python side printed, line by line (reported, capped)
const capture = (text) => {
  output.push(String(text));
  process.stderr.write(String(text).replace(/\n?$/, "\n"));
};

// Runs code that leaves its answer in the global RESULT (the same in both runtimes).
const runner = (runtime) => (code) => {
  runtime.runPython(code);
  const result = runtime.globals.get("RESULT");
  return typeof result === "string" ? result : String(result);
};

async function loadPyodideRuntime() {
  const { loadPyodide, version } = await import("pyodide");
  const py = await loadPyodide({ stdout: capture, stderr: capture });
  return {
    version: py.version || version,
    FS: py.FS,
    run: runner(py),
  };
}

async function loadMicroPythonRuntime() {
  const pkg = "@micropython/micropython-webassembly-pyscript";
  const mod = await import(pkg + "/micropython.mjs");
  // Default heap and stack, as PyScript uses them in the browser.
  const mp = await mod.loadMicroPython({ stdout: capture, stderr: capture, linebuffer: true });
  let version = null;
  try {
    const pkgJson = join(ROOT, "node_modules", ...pkg.split("/"), "package.json");
    version = JSON.parse(readFileSync(pkgJson, "utf8")).version;
  } catch (e) {
    // the Python side reports sys.implementation.version as well
  }
  return {
    version,
    FS: mp.FS,
    run: runner(mp),
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.error) return usage(args.error);

  let files;
  try {
    files = collect(args.checker).map(([rel, bytes]) => [`${MOUNT}/checker/${rel}`, bytes]);
    files.push([`${MOUNT}/case_runner.py`, readFileSync(join(HERE, "..", "case_runner.py"))]);
    files.push([`${MOUNT}/draft_checks.py`, readFileSync(join(HERE, "..", "draft_checks.py"))]);
    files.push(...collect(args.cases).map(([rel, bytes]) => [`${MOUNT}/cases/${rel}`, bytes]));
  } catch (e) {
    return emit({ runtime: args.runtime, error: "cannot read the files to run: " + e.message }, 2);
  }

  const t0 = performance.now();
  let rt;
  try {
    rt = args.runtime === "pyodide" ? await loadPyodideRuntime() : await loadMicroPythonRuntime();
  } catch (e) {
    return emit({ runtime: args.runtime, error: "cannot load the runtime: " + (e && e.stack ? e.stack : e) }, 2);
  }
  const t1 = performance.now();

  let result;
  try {
    for (const [target, bytes] of files) writeInto(rt.FS, target, bytes);
    result = JSON.parse(rt.run(DRIVER));
  } catch (e) {
    result = { error: "the run broke: " + (e && e.message ? e.message : e) };
  }
  const t2 = performance.now();

  const report = {
    runtime: args.runtime,
    version: rt.version,
    python: result.python || null,
    mpy: result.mpy ?? null,
    ran: result.ran || 0,
    failures: result.failures || {},
    drafts: result.drafts || { ran: 0, failures: [] },
    load_s: Math.round(t1 - t0) / 1000,
    run_s: Math.round(t2 - t1) / 1000,
    output: output.slice(0, 50),
  };
  if (result.error) report.error = result.error;
  const failed = Boolean(report.error) || Object.keys(report.failures).length > 0 || report.drafts.failures.length > 0;
  emit(report, failed ? 1 : 0);
}

main().catch((e) => emit({ error: "harness crashed: " + (e && e.stack ? e.stack : e) }, 2));
