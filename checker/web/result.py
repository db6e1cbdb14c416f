"""The report on the page: the verdict and what decides it, one row per
requirement, the tally in the bar under the questions, and what a screen
reader hears once typing pauses. Written as text, never as HTML."""

from pyscript.ffi import create_proxy

from .. import element_ids as ids
from ..report import STATUS_TEXTS, VERDICT_TEXTS
from .page import set_text

# A screen reader hears the result once typing pauses, not after every keystroke.
ANNOUNCE_AFTER_MS = 800
# The rows that decide a verdict, named under it.
DECISIVE_STATUS = {"not_eligible": "not_met", "needs_attention": "unclear"}


class ResultView:
    def __init__(self, page):
        self.page = page
        self.section = page.by_id(ids.RESULT)
        self.announcement = page.by_id(ids.RESULT_ANNOUNCEMENT)
        self.report = None
        self.causes = []  # the page starts with none shown
        self.timer = None
        self.announce_proxy = create_proxy(self.announce)

    def show(self, report):
        self.report = report
        _ = self.page._
        find = self.page.find
        verdict = report["verdict"]
        title, explanation = VERDICT_TEXTS[verdict]
        verdict_box = find(".sc-verdict", self.section)
        set_text(find(".sc-verdict-title", verdict_box), _(title))
        set_text(find(".sc-verdict-text", verdict_box), _(explanation))
        verdict_box.hidden = False
        self.show_causes(find(".sc-verdict-causes", verdict_box), report)
        for row in report["requirements"]:
            item = find('[data-requirement="' + row["id"] + '"]', self.section)
            # Looked up first: Babel would extract a literal inside _() as a msgid.
            status_text = STATUS_TEXTS[row["status"]]
            item.setAttribute("data-status", row["status"])
            set_text(find(".sc-row-status", item), _(status_text))
            set_text(find(".sc-row-message", item), row["message"])
            # To the question that decided the row.
            find(".sc-row-change", item).setAttribute("href", "#" + ids.field_id(row["question"]))
        self.show_tally(report, _(title))
        # Set last: tests and scripts wait on it as the sign that the rows are written.
        self.section.setAttribute("data-verdict", verdict)

    def show_causes(self, causes, report):
        """Under the verdict, the requirements that decide it, each a link to its row."""
        status = DECISIVE_STATUS.get(report["verdict"])
        rows = [row for row in report["requirements"] if row["status"] == status]
        shown = [row["id"] for row in rows]
        if shown == self.causes:
            return
        self.causes = shown
        causes.replaceChildren()
        causes.hidden = not rows
        if rows:
            causes.append(self.page._(STATUS_TEXTS[status]) + ": ")
        for index, row in enumerate(rows):
            if index:
                causes.append(", ")
            link = self.page.document.createElement("a")
            link.href = "#" + ids.result_row_id(row["id"])
            link.textContent = row["title"]
            causes.append(link)

    def show_tally(self, report, verdict_title):
        counts = {"met": 0, "not_met": 0, "unclear": 0, "unanswered": 0}
        for row in report["requirements"]:
            counts[row["status"]] += 1
        peek = self.page.find(".sc-peek", self.page.form)
        peek.setAttribute("data-peek-verdict", report["verdict"])  # not data-verdict: that is the result's
        set_text(self.page.find(".sc-peek-verdict", peek), verdict_title)
        set_text(self.page.find(".sc-peek-tally", peek), self.page.text("tally", **counts))

    def announce_later(self):
        window = self.page.window
        if self.timer is not None:
            window.clearTimeout(self.timer)
        self.timer = window.setTimeout(self.announce_proxy, ANNOUNCE_AFTER_MS)

    def announce(self, *args):
        self.timer = None
        title, _explanation = VERDICT_TEXTS[self.report["verdict"]]
        set_text(self.announcement, self.page._(title) + ". " + self.page.find(".sc-peek-tally", self.page.form).textContent)
