"""Build time: renders the self-check (form, result rows, e-mail draft) into the
self-check page, and each requirement's heading and "how the self-check decides"
note into the requirements pages, from the checker's own questions and rules, per
language.

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

from checker.apple_links import IN_LANGUAGE, apple_link  # noqa: E402
from checker.i18n import LANGUAGES, translator  # noqa: E402
from checker.page_texts import PAGE_TEXTS, page_text  # noqa: E402
from checker.questions import BOOL, CHOICE, COUNT, GROUPS, LINES, LONG_TEXT  # noqa: E402
from checker.report import ACTION_ORDER, NOTES, PRELIMINARY, STATUS_TEXTS  # noqa: E402
from checker.rules import MET, RULE_BY_ID, RULES, UNANSWERED  # noqa: E402

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
    _ = translator(lang)
    t = {key: esc(page_text(_, key)) for key in PAGE_TEXTS}
    parts = [
        '<div class="sc">',
        '<noscript><p class="sc-notice">' + t["no_script"] + ' <a href="../requirements/">'
        + t["read_requirements"] + "</a></p></noscript>",
        '<p id="self-check-status" class="sc-status" role="status" data-loading="' + t["loading"]
        + '" data-failed="' + t["load_failed"] + '" data-requirements="' + t["read_requirements"] + '"></p>',
        # What became of the kept answers, or of a link's (checker/web/keeping.py, travel.py).
        '<p id="answers-notice" class="sc-notice-box" role="status" tabindex="-1" hidden></p>',
        render_incoming(t),
        '<div id="error-summary" class="sc-error-summary" tabindex="-1" aria-labelledby="error-summary-title" hidden>'
        '<h2 id="error-summary-title">' + t["error_summary"] + "</h2><ul></ul></div>",
        '<form id="self-check" data-state="loading" data-lang="' + lang + '" novalidate>',
    ]
    for group in GROUPS:
        parts.append('<fieldset class="sc-group"><legend>' + esc(_(group.title)) + "</legend>")
        parts += [render_question(question, _, t) for question in group.questions]
        parts.append("</fieldset>")
    # While answering on a phone the result is far below: a bar at the bottom of the
    # form keeps the verdict in sight and leads to it (the live region announces changes).
    parts.append('<p class="sc-peek" data-needs-python hidden><a href="#checker-result">'
                 '<span class="sc-peek-verdict"></span> <span class="sc-peek-tally"></span> '
                 '<span class="sc-peek-go">' + t["see_result"] + "</span></a></p>")
    parts.append("</form>")
    parts.append(render_result(_, lang, config))
    parts.append(render_email_draft(_, lang, assets, config))
    parts.append(render_actions(_, config))
    parts.append(render_scripts(lang, assets, config))
    parts.append("</div>")
    return "\n".join(parts)


def render_question(question, _, t):
    key = question.key
    label = esc(_(question.label)) + ("" if question.required else ' <span class="sc-optional">' + t["optional"] + "</span>")
    hint = '<p class="sc-hint" id="hint-' + key + '">' + esc(_(question.hint)) + "</p>" if question.hint else ""
    # The error, then whether this browser keeps the answer (checker/web/errors.py).
    error = ('<p class="sc-error" id="error-' + key + '" hidden></p>'
             '<p class="sc-not-kept" id="not-kept-' + key + '" hidden></p>')
    described = ("hint-" + key + " " if question.hint else "") + "error-" + key + " not-kept-" + key
    if question.kind in (BOOL, CHOICE):
        options = []
        for index, (value, choice_label) in enumerate(question.choices):
            control_id = "field-" + key if index == 0 else "field-" + key + "-" + value
            options.append('<div class="sc-choice"><input type="radio" id="' + control_id + '" name="' + key
                           + '" value="' + value + '"><label for="' + control_id + '">' + esc(_(choice_label))
                           + "</label></div>")
        inline = " sc-choices--inline" if question.kind == BOOL else ""
        return ('<div class="sc-question" id="question-' + key + '"><fieldset aria-describedby="' + described + '">'
                + '<legend class="sc-label">' + label + "</legend>" + hint + error
                + '<div class="sc-choices' + inline + '">' + "".join(options) + "</div></fieldset></div>")
    attributes = 'id="field-' + key + '" name="' + key + '" aria-describedby="' + described + '"'
    if question.autocomplete:
        attributes += ' autocomplete="' + question.autocomplete + '"'
    if question.kind == COUNT:
        control = ('<input type="number" ' + attributes + ' inputmode="numeric" min="0" max="'
                   + str(question.maximum) + '" step="1" class="sc-input sc-input--number">')
    elif question.kind in (LINES, LONG_TEXT):
        control = ('<textarea ' + attributes + ' rows="' + ("3" if question.kind == LINES else "4")
                   + '" class="sc-input"></textarea>')
    else:
        inputmode = ' inputmode="' + question.inputmode + '"' if question.inputmode else ""
        control = ('<input type="' + question.input_type + '" ' + attributes + inputmode
                   + ' spellcheck="false" class="sc-input">')
    return ('<div class="sc-question" id="question-' + key + '"><label class="sc-label" for="field-' + key + '">'
            + label + "</label>" + hint + error + control + "</div>")


def render_result(_, lang, config):
    texts = {key: page_text(_, key) for key in PAGE_TEXTS}
    rules = [{"id": rule.id, "title": rule.title_in(_), "first_key": rule.keys[0],
              "apple": apple_page(rule.apple_page, lang, _) if rule.apple_page else None} for rule in RULES]
    # Headings of the groups that need action, in the order of the contract; the rows
    # start in the unanswered group, as they are before any answer.
    groups = [{"status": status, "heading": _(STATUS_TEXTS[status]), "start_here": status == UNANSWERED}
              for status in ACTION_ORDER if status != MET]
    return templates.render(config, "result.html", texts=texts, rules=rules, groups=groups,
                            notes=[_(note) for note in NOTES], preliminary=_(PRELIMINARY))


def apple_page(name, lang, _):
    """A row's link to Apple's page `name`: its address, the language of Apple's page
    where it differs from the visitor's, and its text, which then says that language."""
    url, url_lang = apple_link(name, lang)
    text = page_text(_, "apple_page_" + name)
    if url_lang == lang:
        return {"url": url, "hreflang": None, "text": text}
    return {"url": url, "hreflang": url_lang, "text": text + " (" + _(IN_LANGUAGE[url_lang]) + ")"}


def render_actions(_, config):
    """Where the answers are kept, and how they travel."""
    return templates.render(config, "actions.html", texts={key: page_text(_, key) for key in PAGE_TEXTS})


def render_incoming(t):
    """Where a file's or link's answers differ from the visitor's: they choose.
    Written for a link; checker/web/travel.py words it for its source."""
    return ('<section id="incoming-answers" class="sc-incoming" tabindex="-1" aria-labelledby="incoming-heading" hidden>'
            '<h2 id="incoming-heading">' + t["incoming_heading_link"] + "</h2>"
            "<p>" + t["incoming_intro"] + '</p><ul id="incoming-questions"></ul>'
            '<p class="sc-incoming-actions"><button type="button" id="incoming-use" class="md-button md-button--primary">'
            + t["use_link"] + '</button><button type="button" id="incoming-keep" class="md-button">' + t["keep_mine"]
            + "</button></p></section>")


def render_email_draft(_, lang, assets, config):
    return templates.render(config, "draft.html", texts={key: page_text(_, key) for key in PAGE_TEXTS},
                            lang=lang, languages=[(code, page_text(_, "language_" + code)) for code in LANGUAGES],
                            catalogs=assets + "checker/catalogs/")


def render_scripts(lang, assets, config):
    runtime = runtime_files.runtime(config)
    files = {assets + "checker/" + name: "./checker/" + name for name in runtime_files.checker_files(lang)}
    pyscript_config = {"interpreter": assets + runtime["interpreter"], "files": files,
                       "plugins": runtime_files.unused_pyscript_plugins()}
    idle_type = runtime_files.other_script_type(runtime)
    idle_config = {"plugins": runtime_files.unused_pyscript_plugins(kept=())}
    # The Python entry is inline: checker/web/start.py is among `files` already, so a `src` would fetch it twice.
    # PyScript (core.js) is imported by pyscript-without-eval.js, so the page needs no 'unsafe-eval'.
    return ('<' + idle_type + '-config hidden>' + html.escape(json.dumps(idle_config), quote=False)
            + '</' + idle_type + '-config>'
            '<script type="module" src="' + assets + 'boot.js"></script>'
            '<script type="module" src="' + assets + 'pyscript-without-eval.js"></script>'
            '<script type="' + runtime["script_type"] + '" config="'
            + esc(json.dumps(pyscript_config, separators=(",", ":"))) + '">import checker.web.start</script>')
