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
from checker.application import FILL_IN  # noqa: E402
from checker.i18n import translator  # noqa: E402
from checker.page_texts import PAGE_TEXTS, page_text  # noqa: E402
from checker.report import NOTES, PRELIMINARY  # noqa: E402
from checker.rules import RULE_BY_ID, RULES  # noqa: E402

from hooks import runtime_files, templates  # noqa: E402
from hooks.page_language import page_language  # noqa: E402

FORM_MARKER = "<!-- self-check-form -->"
REQUIREMENT_MARKER = re.compile(r"^<!-- requirement: ([a-z0-9-]+) -->[ \t]*$", re.MULTILINE)
HEADING = re.compile(r"^#+ ")


THEME_SCRIPT = re.compile(r'<script src="([^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>')


def on_post_page(output, page, config):
    """On the self-check page, Python starts first: the runtime's downloads start
    from <head>, and the theme's script is left for boot.js to load once the
    self-check is live (the theme's start-up would otherwise share the one main
    thread with PyScript's). Other pages are left as they are."""
    if 'id="self-check"' not in output:
        return output
    theme_scripts = THEME_SCRIPT.findall(output)
    if len(theme_scripts) != 1:
        raise PluginError(f"{page.file.src_uri}: expected the theme's bundle script once, found {theme_scripts}")
    assets = get_relative_url(runtime_files.ASSETS + "/", page.url)
    boot = '<script type="module" src="' + assets + 'boot.js"'
    output = THEME_SCRIPT.sub("", output).replace(boot, boot + ' data-theme-script="' + theme_scripts[0] + '"', 1)
    return output.replace("</head>", preload_links(assets, page_language(page), config) + "</head>", 1)


def preload_links(assets, lang, config):
    runtime = runtime_files.runtime(config)
    folder = assets + runtime["interpreter"].rsplit("/", 1)[0] + "/"
    links = ['<link rel="modulepreload" href="' + assets + "pyscript/" + name + '">'
             for name in runtime_files.pyscript_start_modules()]
    links.append('<link rel="modulepreload" href="' + assets + runtime["interpreter"] + '">')
    links += ['<link rel="preload" as="fetch" crossorigin href="' + folder + name + '">'
              for name in runtime["files"] if not name.endswith(".mjs")]
    links += ['<link rel="preload" as="fetch" crossorigin href="' + assets + "checker/" + name + '">'
              for name in runtime_files.checker_files(lang)]
    return "".join(links)


def on_page_markdown(markdown, page, config, files):
    # Before the Markdown is converted, so the headings get their permalinks and
    # table-of-contents entries like any other.
    if REQUIREMENT_MARKER.search(markdown):
        return render_requirement_sections(markdown, page_language(page), page.file.src_uri)
    return markdown


def on_page_content(html_text, page, config, files):
    if FORM_MARKER in html_text:
        assets = get_relative_url(runtime_files.ASSETS + "/", page.url)
        html_text = html_text.replace(FORM_MARKER, render_self_check(page_language(page), assets, config))
    return html_text


def render_requirement_sections(markdown, lang, where):
    """Each `<!-- requirement: ID -->` line becomes the rule's title as a heading
    with the anchor ID, and its section (up to the next heading or marker) ends
    with how the self-check decides it. Every rule must have one marker."""
    _ = translator(lang)
    lines = markdown.split("\n")
    found = [match.group(1) for match in map(REQUIREMENT_MARKER.match, lines) if match]
    unknown = [rule_id for rule_id in found if rule_id not in RULE_BY_ID]
    missing = [rule.id for rule in RULES if rule.id not in found]
    repeated = sorted({rule_id for rule_id in found if found.count(rule_id) > 1})
    if unknown or missing or repeated:
        raise PluginError(f"{where}: requirement markers must name each rule once "
                          f"(unknown: {unknown}, missing: {missing}, repeated: {repeated})")
    out = []
    section = None  # the rule whose section is open
    for line in lines:
        marker = REQUIREMENT_MARKER.match(line)
        if section and (marker or HEADING.match(line)):
            out += ["", decides_note(section, _), ""]
            section = None
        if marker:
            section = RULE_BY_ID[marker.group(1)]
            out.append("### " + markdown_text(section.title_in(_)) + " {#" + section.id + "}")
        else:
            out.append(line)
    if section:
        out += ["", decides_note(section, _), ""]
    return "\n".join(out)


def decides_note(rule, _):
    return ('<div class="sc-how-decided"><p class="sc-how-decided__title">'
            + esc(page_text(_, "how_decided")) + "</p><p>" + esc(rule.decides_in(_)) + "</p></div>")


def markdown_text(text):
    """Text that Markdown shows as it is (for a heading): no markup, no HTML."""
    return re.sub(r"([\\`*_{}\[\]#])", r"\\\1", html.escape(text, quote=False))


def esc(text):
    return html.escape(text, quote=True)


def render_self_check(lang, assets, config):
    """The self-check from its templates (overrides/partials/self-check/)."""
    _ = translator(lang)
    texts = {key: page_text(_, key) for key in PAGE_TEXTS}
    texts["email_blanks"] = page_text(_, "email_blanks", marker=_(FILL_IN))
    t = {key: esc(text) for key, text in texts.items()}  # for the parts still rendered in Python
    return templates.render(
        config, "self-check.html", lang=lang, _=_, texts=texts, ids=element_ids, questions=questions,
        scripts=script_data(lang, assets, config),
        incoming=render_incoming(t), result=render_result(_, t), actions=render_actions(t),
        email_draft=render_email_draft(t), your_answers=render_your_answers(t))


def render_result(_, t):
    rows = []
    for rule in RULES:
        title = esc(rule.title_in(_))
        rows.append('<li class="sc-row" id="result-' + rule.id + '" data-requirement="' + rule.id + '"><span class="sc-row-icon" aria-hidden="true">'
                    + '</span><a class="sc-row-title" href="../requirements/#' + rule.id + '">' + title
                    + '</a> <span class="sc-row-status"></span><p class="sc-row-message"></p>'
                    # Back to a question the rule reads, to answer or change it (checker/web/result.py
                    # points it at the one that decided the row).
                    + '<a class="sc-row-change" href="#field-' + rule.keys[0] + '" data-needs-python hidden>'
                    + t["to_question"] + '<span class="sc-visually-hidden">: ' + title + "</span></a></li>")
    notes = "".join("<li>" + esc(_(note)) + "</li>" for note in NOTES)
    return ('<section id="checker-result" class="sc-result" aria-labelledby="result-heading">'
            '<h2 id="result-heading">' + t["result_heading"] + "</h2>"
            '<div class="sc-verdict" hidden><span class="sc-verdict-icon" aria-hidden="true"></span>'
            '<p class="sc-verdict-title"></p><p class="sc-verdict-text"></p><p class="sc-verdict-causes" hidden></p>'
            '<p class="sc-preliminary">' + esc(_(PRELIMINARY)) + "</p></div>"
            '<ol class="sc-rows">' + "".join(rows) + "</ol>"
            '<h3 class="sc-notes-heading">' + t["good_to_know"] + '</h3><ul class="sc-notes">' + notes + "</ul>"
            "</section>")


def render_actions(t):
    return ('<div class="sc-actions" data-needs-python hidden>'
            '<button type="button" id="make-email" class="md-button md-button--primary">' + t["make_email"] + "</button>"
            '<button type="button" id="print-result" class="md-button">' + t["print_result"] + "</button>"
            # What a screen reader hears of the result: the verdict and the tally, once typing pauses.
            '<p id="result-announcement" class="sc-visually-hidden" role="status"></p></div>')


def render_your_answers(t):
    """Where the answers are kept, and how they travel. When Python cannot start,
    boot.js shows this section with only "forget my answers", which it runs itself."""
    return ('<section id="your-answers" class="sc-answers" aria-labelledby="answers-heading" data-needs-python hidden>'
            '<h2 id="answers-heading">' + t["answers_heading"] + "</h2>"
            '<p class="sc-hint">' + t["kept_here"] + "</p>"
            '<div class="sc-travel" data-needs-python hidden><p class="sc-hint">' + t["travel_hint"] + "</p>"
            '<div class="sc-answer-buttons">'
            '<button type="button" id="export-answers" class="md-button">' + t["export"] + "</button>"
            # The file input is hidden behind its label, which looks like the buttons beside it.
            '<input type="file" id="import-answers" class="sc-file" accept=".json,application/json">'
            '<label for="import-answers" class="md-button">' + t["import"] + "</label>"
            '<button type="button" id="share-answers" class="md-button">' + t["share"] + "</button></div>"
            '<p class="sc-hint">' + t["share_warning"] + "</p>"
            '<p id="travel-status" class="sc-travel-status" role="status"></p>'
            '<div id="share-box" class="sc-share" hidden><label for="share-link" class="sc-label">' + t["share_label"]
            + '</label><input type="text" id="share-link" class="sc-input" readonly spellcheck="false">'
            '<p class="sc-share-actions"><button type="button" id="copy-share-link" class="md-button">' + t["copy_link"]
            + '</button> <span id="share-copied" role="status"></span></p></div></div>'
            '<div class="sc-answer-buttons"><button type="button" id="forget-answers" class="md-button">' + t["forget"]
            + "</button></div>"
            '<p class="sc-forget"><span id="forget-status" role="status" data-forgotten="' + t["forgotten"] + '"></span> '
            '<button type="button" id="undo-forget" class="md-button" hidden>' + t["undo_forget"] + "</button></p>"
            "</section>")


def render_incoming(t):
    """Where a file's or link's answers differ from the visitor's: they choose.
    Written for a link; checker/web/travel.py words it for its source."""
    return ('<section id="incoming-answers" class="sc-incoming" tabindex="-1" aria-labelledby="incoming-heading" hidden>'
            '<h2 id="incoming-heading">' + t["incoming_heading_link"] + "</h2>"
            "<p>" + t["incoming_intro"] + '</p><ul id="incoming-questions"></ul>'
            '<p class="sc-incoming-actions"><button type="button" id="incoming-use" class="md-button md-button--primary">'
            + t["use_link"] + '</button><button type="button" id="incoming-keep" class="md-button">' + t["keep_mine"]
            + "</button></p></section>")


def render_email_draft(t):
    return ('<section id="email-draft" class="sc-email" aria-labelledby="email-heading" hidden>'
            '<h2 id="email-heading" tabindex="-1">' + t["email_heading"] + "</h2>"
            '<p class="sc-hint">' + t["email_blanks"] + "</p>"
            '<dl class="sc-email-head"><dt>' + t["email_to"] + '</dt><dd id="email-to"></dd>'
            "<dt>" + t["email_subject"] + '</dt><dd id="email-subject"></dd></dl>'
            '<textarea id="email-body" class="sc-input" rows="18" readonly aria-labelledby="email-heading"></textarea>'
            '<p class="sc-email-actions"><button type="button" id="copy-email" class="md-button md-button--primary">'
            + t["copy_email"] + '</button><a id="email-mailto" class="md-button" href="#">' + t["open_email"] + "</a>"
            '<span id="email-copied" role="status"></span></p>'
            '<p class="sc-hint">' + t["mailto_long"] + "</p></section>")


def script_data(lang, assets, config):
    """What scripts.html needs to start PyScript with the checker's files."""
    runtime = runtime_files.runtime(config)
    files = {assets + "checker/" + name: "./checker/" + name for name in runtime_files.checker_files(lang)}
    pyscript_config = {"interpreter": assets + runtime["interpreter"], "files": files,
                       "plugins": runtime_files.unused_pyscript_plugins()}
    return {"assets": assets, "type": runtime["script_type"],
            "config": json.dumps(pyscript_config, separators=(",", ":")),
            "idle_type": runtime_files.other_script_type(runtime),
            "idle_config": json.dumps({"plugins": runtime_files.unused_pyscript_plugins(kept=())})}
