"""Build time: renders the self-check (form, result rows, e-mail draft) into the
self-check page, and each requirement's heading and "how the self-check decides"
note into the requirements pages, from the checker's own questions and rules, per
language. The self-check's markup is in overrides/partials/self-check/ (its
templates get the data, and the element IDs of checker/element_ids.py as `ids`).

Markers in docs/: `<!-- self-check-form -->`, and `<!-- requirement: ID -->` at
the start of each requirement's section, followed by its prose.
"""

import html
import json
import pathlib
import re
import sys

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))

from checker import element_ids, questions  # noqa: E402
from checker.apple_links import IN_LANGUAGE, LINKS, apple_link  # noqa: E402
from checker.application import ADVISED_LANGUAGE  # noqa: E402
from checker.i18n import LANGUAGE_NAMES, translator  # noqa: E402
from checker.page_texts import PAGE_TEXTS, page_text  # noqa: E402
from checker.report import ACTION_ORDER, NOTES, PRELIMINARY, STATUS_TEXTS  # noqa: E402
from checker.rules import MET, RULE_BY_ID, RULES, UNANSWERED  # noqa: E402

from hooks import runtime_files, templates  # noqa: E402
from hooks.page_language import page_language  # noqa: E402

FORM_MARKER = "<!-- self-check-form -->"
REQUIREMENT_MARKER = re.compile(r"^<!-- requirement: ([a-z0-9-]+) -->[ \t]*$", re.MULTILINE)
HEADING = re.compile(r"^#+ ")
HEADING_ANCHOR = re.compile(r"^#+ .*\{#([a-z0-9-]+)\}[ \t]*$")


THEME_SCRIPT = re.compile(r'<script src="([^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>')


def on_post_page(output, page, config):
    """On the self-check page, Python starts first: the theme's script is left
    for boot.js to load later (the theme's start-up would otherwise share the one
    main thread with PyScript's). The runtime's and the checker's files are
    named on boot.js's tag, which asks for them once the page has painted: from
    <head>, they shared a slow phone network with the page's own CSS and held
    back its first paint of text; asked for only by PyScript, one after the
    other, they made the page live later. Other pages are left as they are."""
    if 'id="self-check"' not in output:
        return output
    theme_scripts = THEME_SCRIPT.findall(output)
    if len(theme_scripts) != 1:
        raise PluginError(f"{page.file.src_uri}: expected the theme's bundle script once, found {theme_scripts}")
    assets = get_relative_url(runtime_files.ASSETS + "/", page.url)
    boot = '<script type="module" src="' + assets + 'boot.js"'
    modules, fetches = preloads(assets, page_language(page), config)
    attributes = (' data-theme-script="' + theme_scripts[0] + '" data-preload-modules="' + " ".join(modules)
                  + '" data-preload-fetches="' + " ".join(fetches) + '"')
    return THEME_SCRIPT.sub("", output).replace(boot, boot + attributes, 1)


def preloads(assets, lang, config):
    """What PyScript will fetch for the page: its start-up modules and the
    interpreter (imported), and the runtime's and the checker's files (fetched)."""
    runtime = runtime_files.runtime(config)
    folder = assets + runtime["interpreter"].rsplit("/", 1)[0] + "/"
    modules = [assets + "pyscript/" + name for name in runtime_files.pyscript_start_modules()]
    modules.append(assets + runtime["interpreter"])
    fetches = [folder + name for name in runtime["files"] if not name.endswith(".mjs")]
    fetches += [assets + "checker/" + name for name in runtime_files.shipped_checker_files(runtime, lang)]
    return modules, fetches


def on_page_markdown(markdown, page, config, files):
    # Before the Markdown is converted, so the headings get their permalinks and
    # table-of-contents entries like any other.
    if REQUIREMENT_MARKER.search(markdown):
        return render_requirement_sections(markdown, page_language(page), page.file.src_uri, config)
    return markdown


def on_page_content(html_text, page, config, files):
    if FORM_MARKER in html_text:
        assets = get_relative_url(runtime_files.ASSETS + "/", page.url)
        html_text = html_text.replace(FORM_MARKER, render_self_check(page_language(page), assets, config))
    return html_text


def render_requirement_sections(markdown, lang, where, config):
    """Each `<!-- requirement: ID -->` line becomes the rule's title as a heading
    with the anchor ID, and its section (up to the next heading or marker) ends
    with how the self-check decides it (how-decided.html). Every rule must have
    one marker."""
    _ = translator(lang)
    lines = markdown.split("\n")
    found = [match.group(1) for match in map(REQUIREMENT_MARKER.match, lines) if match]
    unknown = [rule_id for rule_id in found if rule_id not in RULE_BY_ID]
    missing = [rule.id for rule in RULES if rule.id not in found]
    repeated = sorted({rule_id for rule_id in found if found.count(rule_id) > 1})
    if unknown or missing or repeated:
        raise PluginError(f"{where}: requirement markers must name each rule once "
                          f"(unknown: {unknown}, missing: {missing}, repeated: {repeated})")
    misplaced = misplaced_markers(lines)
    if misplaced:
        raise PluginError(f"{where}: a requirement's marker goes under the heading of its rule's group "
                          f"({{#GROUP}}, the rule's `group`): " + "; ".join(misplaced))
    out = []
    section = None  # the rule whose section is open
    for line in lines:
        marker = REQUIREMENT_MARKER.match(line)
        if section and (marker or HEADING.match(line)):
            out += ["", decides_note(section, _, config), ""]
            section = None
        if marker:
            section = RULE_BY_ID[marker.group(1)]
            out.append("### " + markdown_text(section.title_in(_)) + " {#" + section.id + "}")
        else:
            out.append(line)
    if section:
        out += ["", decides_note(section, _, config), ""]
    return "\n".join(out)


def misplaced_markers(lines):
    """The markers not under the heading anchored at their rule's group."""
    misplaced, heading = [], None
    for line in lines:
        anchor, marker = HEADING_ANCHOR.match(line), REQUIREMENT_MARKER.match(line)
        if anchor:
            heading = anchor.group(1)
        elif marker and RULE_BY_ID[marker.group(1)].group != heading:
            rule = RULE_BY_ID[marker.group(1)]
            misplaced.append(f"{rule.id} (group {rule.group}) is under {heading}")
    return misplaced


def decides_note(rule, _, config):
    return templates.render(config, "how-decided.html", texts={"how_decided": page_text(_, "how_decided")},
                            decides=rule.decides_in(_))


def markdown_text(text):
    """Text that Markdown shows as it is (for a heading): no markup, no HTML."""
    return re.sub(r"([\\`*_{}\[\]#])", r"\\\1", html.escape(text, quote=False))


def render_self_check(lang, assets, config):
    """The self-check from its templates (overrides/partials/self-check/)."""
    _ = translator(lang)
    return templates.render(
        config, "self-check.html", lang=lang, _=_, texts={key: page_text(_, key) for key in PAGE_TEXTS},
        ids=element_ids, questions=questions, scripts=script_data(lang, assets, config),
        result=result_data(_, lang), draft=draft_data(_, lang, assets))


def result_data(_, lang):
    """What result.html needs: the rules' rows, and the headings of the groups that
    need action in the order of the contract; the rows start in the unanswered
    group, as they are before any answer."""
    rules = [{"id": rule.id, "title": rule.title_in(_), "first_key": rule.keys[0],
              "apple": apple_page(rule, lang, _) if rule.apple_page else None} for rule in RULES]
    groups = [{"status": status, "heading": _(STATUS_TEXTS[status]), "start_here": status == UNANSWERED}
              for status in ACTION_ORDER if status != MET]
    return {"rules": rules, "groups": groups, "notes": [_(note) for note in NOTES], "preliminary": _(PRELIMINARY)}


def apple_page(rule, lang, _):
    """A row's link to Apple's page on what `rule` asks: its address, the language of
    Apple's page where it differs from the visitor's, and its text in the visitor's
    language (the link's own, checker/apple_links.py), which then says that language."""
    link = LINKS.get(rule.apple_page)
    if link is None or lang not in link.get("text", {}):
        raise PluginError(f"requirement {rule.id!r}: apple_page {rule.apple_page!r} is not a link "
                          f"with a text in {lang!r} in checker/apple_links.py (it has {sorted(LINKS)})")
    url, url_lang = apple_link(rule.apple_page, lang)
    text = link["text"][lang]
    if url_lang == lang:
        return {"url": url, "hreflang": None, "text": text}
    return {"url": url, "hreflang": url_lang, "text": text + " (" + _(IN_LANGUAGE[url_lang]) + ")"}


def draft_data(_, lang, assets):
    """What draft.html needs: the languages the e-mail can be written in, and where
    the catalog of one other than the page's is fetched from."""
    return {"languages": [(code, _(name)) for code, name in LANGUAGE_NAMES],
            "advised": ADVISED_LANGUAGE, "catalogs": assets + "checker/catalogs/"}


def script_data(lang, assets, config):
    """What scripts.html needs to start PyScript with the checker's files."""
    runtime = runtime_files.runtime(config)
    files = {assets + "checker/" + name: "./checker/" + name
             for name in runtime_files.shipped_checker_files(runtime, lang)}
    pyscript_config = {"interpreter": assets + runtime["interpreter"], "files": files,
                       "plugins": runtime_files.unused_pyscript_plugins()}
    return {"assets": assets, "type": runtime["script_type"],
            "config": json.dumps(pyscript_config, separators=(",", ":")),
            "idle_type": runtime_files.other_script_type(runtime),
            "idle_config": json.dumps({"plugins": runtime_files.unused_pyscript_plugins(kept=())})}
