"""The report on the page, ordered by what to do: the verdict, what decides it
and the next step; then one row per requirement, moved into the group of its
status (not met, to check, not answered), the met ones folded away; the tally in
the bar under the questions, and what a screen reader hears once typing pauses.
Before the first answer, a start text stands in for all of it. Written as text,
never as HTML."""

from pyscript.ffi import create_proxy

from .. import element_ids as ids
from ..report import ACTION_ORDER, NAMED_PER_STATUS, NEXT_STEPS, NOT_ELIGIBLE, NOT_MET_SO_FAR, PROVISIONAL_NEXT_STEP, STATUS_TEXTS, headline, rows_to_name
from ..rules import APPLICATION_ADDRESS, MET, NOT_MET, RULES, UNANSWERED
from .page import set_text

# A screen reader hears the result once typing pauses, not after every keystroke.
ANNOUNCE_AFTER_MS = 800
# The rows that decide a verdict, named under it: as many as the draft's warning
# names, then how many more, so that on a phone a wall of links does not push the
# next step out of sight.
DECISIVE_STATUS = {"not_eligible": "not_met", "needs_attention": "unclear"}
# Links to the site's own pages printed with their whole address (Apple's links print
# their https: address as it is): where to turn instead.
# The site's own links a reader of paper needs the address of (Apple's, absolute, print as they are).
PRINTED_ADDRESSES = ".sc-other-ways a, .sc-row-title"


class ResultView:
    def __init__(self, page):
        self.page = page
        self.section = page.by_id(ids.RESULT)
        self.announcement = page.by_id(ids.RESULT_ANNOUNCEMENT)
        self.report = None
        self.answers = {}
        self.met_was_open = False
        self.causes = []  # the page starts with none shown
        self.rows_shown = False
        # Each row's status group: as the page's HTML has them (result.html), all in
        # the unanswered group in catalogue order, so the first result moves only
        # the rows that have an answer.
        self.placed = {rule.id: UNANSWERED for rule in RULES}
        self.lists = {status: page.find(self.group_selector(status) + " ol", self.section) for status in ACTION_ORDER}
        self.heading = page.by_id(ids.RESULT_HEADING)
        self.timer = None
        self.announce_proxy = create_proxy(self.announce)
        self.when_quiet = []  # what else is said once typing pauses, before the verdict (new errors)
        for link in self.section.querySelectorAll(PRINTED_ADDRESSES):
            link.setAttribute("data-address", link.href)  # the whole address, for paper

    @staticmethod
    def group_selector(status):
        return ".sc-met" if status == MET else '[data-group="' + status + '"]'

    def show(self, report, answers):
        """`answers`: the form's, by key; until one is given, the start text shows."""
        self.report = report
        self.answers = answers
        # Not stripped: a pasted megabyte would be copied on every keystroke elsewhere.
        answered = any(answers.values())
        _ = self.page._
        find = self.page.find
        verdict = report["verdict"]
        provisional = report["provisional"]
        # Not eligible once every question is answered; until then, only so far.
        final_no = verdict == NOT_ELIGIBLE and not provisional
        title, explanation, params = headline(report)
        title = _(title, **params)
        verdict_box = find(".sc-verdict", self.section)
        set_text(find(".sc-verdict-title", verdict_box), title)
        set_text(find(".sc-verdict-text", verdict_box), _(explanation))
        verdict_box.hidden = not answered
        find(".sc-start", self.section).hidden = answered
        find(".sc-groups", self.section).hidden = not answered
        next_step = PROVISIONAL_NEXT_STEP if provisional and verdict == NOT_ELIGIBLE else NEXT_STEPS[verdict]
        set_text(find(".sc-next-step", verdict_box), _(next_step))
        # Not eligible: the way forward is the other ways, not the application e-mail.
        find(".sc-other-ways", verdict_box).hidden = not final_no
        self.page.by_id(ids.MAKE_EMAIL).classList.toggle("md-button--primary", not final_no)
        self.show_causes(find(".sc-verdict-causes", verdict_box), report)
        # Hidden until the first answer: written from then on, not at every start.
        if answered or self.rows_shown:
            self.show_rows(report)
            self.rows_shown = True
        self.show_tally(report, title)
        self.show_print_head(title)
        if provisional:
            self.section.setAttribute("data-provisional", "")
        else:
            self.section.removeAttribute("data-provisional")
        # Set last: tests and scripts wait on it as the sign that the rows are written.
        self.section.setAttribute("data-verdict", verdict)

    def show_rows(self, report):
        _ = self.page._
        find = self.page.find
        self.place_rows(report)
        for row in report["requirements"]:
            item = find('[data-requirement="' + row["id"] + '"]', self.section)
            # Looked up first: Babel would extract a literal inside _() as a msgid.
            status_text = STATUS_TEXTS[row["status"]]
            item.setAttribute("data-status", row["status"])
            set_text(find(".sc-row-status", item), _(status_text))
            self.show_message(find(".sc-row-message", item), row["message"])
            # To the question that decided the row.
            find(".sc-row-change", item).setAttribute("href", "#" + ids.field_id(row["question"]))

    def place_rows(self, report):
        """Each row into its status's group, in catalogue order within it; a row
        already in its group stays put, so focus and the screen reader's place hold."""
        counts = {status: 0 for status in ACTION_ORDER}
        for row in report["requirements"]:
            counts[row["status"]] += 1
            if self.placed.get(row["id"]) != row["status"]:
                self.placed[row["id"]] = row["status"]
                self.insert_in_order(self.lists[row["status"]], self.page.by_id(ids.result_row_id(row["id"])), report)
        for status in ACTION_ORDER:
            self.page.find(self.group_selector(status), self.section).hidden = not counts[status]
        summary = self.page.find(".sc-met summary", self.section)
        set_text(summary, self.page.text("met_summary", count=counts[MET], total=len(report["requirements"])))

    def insert_in_order(self, group, item, report):
        ids = [row["id"] for row in report["requirements"]]
        position = ids.index(item.getAttribute("data-requirement"))
        for other in group.children:
            if ids.index(other.getAttribute("data-requirement")) > position:
                group.insertBefore(item, other)
                return
        group.appendChild(item)

    def show_print_head(self, verdict_title):
        """The printed result's header: the business, the date and the verdict."""
        # A slice first: a pasted megabyte is never copied whole on a keystroke elsewhere.
        name = self.answers.get("legal_name", "")[:200].strip() or self.answers.get("dba", "")[:200].strip()
        set_text(self.page.find(".sc-print-name"), name or self.page.text("print_no_name"))
        set_text(self.page.find(".sc-print-verdict"), verdict_title)
        self.date_print_head()

    def date_print_head(self, event=None):
        # In the page's language, as the browser writes a date there (2026-11-30; 30/11/2026).
        # Put together from its parts: the browser's first toLocaleDateString()
        # loads its locale data, a tenth of a second at phone speed, at start.
        now = self.page.window.Date.new()
        day, month, year = "%02d" % now.getDate(), "%02d" % (now.getMonth() + 1), str(now.getFullYear())
        today = year + "-" + month + "-" + day if self.page.lang == "sv" else day + "/" + month + "/" + year
        set_text(self.page.find(".sc-print-date"), self.page.text("print_dated", date=today))

    def before_print(self, event=None):
        """A printout holds every row, the met ones too, and today's date."""
        met = self.page.find(".sc-met", self.section)
        self.met_was_open = met.open
        met.open = True
        self.date_print_head()

    def after_print(self, event=None):
        self.page.find(".sc-met", self.section).open = self.met_was_open

    def show_causes(self, causes, report):
        """Under the verdict, the requirements that decide it, hardest to change first,
        each a link to its row; past NAMED_PER_STATUS of them, how many more, a link to their group."""
        status = DECISIVE_STATUS.get(report["verdict"])
        rows = rows_to_name(report, status)  # none while the verdict has no decisive status
        heading = NOT_MET_SO_FAR if report["provisional"] and status == NOT_MET else STATUS_TEXTS.get(status)
        shown = [heading] + [row["id"] for row in rows]
        if shown == self.causes:
            return
        self.causes = shown
        causes.replaceChildren()
        causes.hidden = not rows
        if not rows:
            return
        label = self.page.document.createElement("strong")
        label.textContent = self.page._(heading) + ":"
        causes.append(label, " ")
        for index, row in enumerate(rows[:NAMED_PER_STATUS]):
            if index:
                causes.append(", ")
            causes.append(self.link("#" + ids.result_row_id(row["id"]), row["title"]))
        if len(rows) > NAMED_PER_STATUS:
            causes.append(" ")
            more = self.page.text("causes_more", count=len(rows) - NAMED_PER_STATUS)
            causes.append(self.link("#" + ids.result_group_heading_id(status), more))

    def show_message(self, node, text):
        """A row's message; Apple's application address in it a mailto: link that may
        break after its @ on a narrow screen, not before the punctuation after it."""
        if node.textContent == text:
            return
        if APPLICATION_ADDRESS not in text:
            node.textContent = text
            return
        before, after = text.split(APPLICATION_ADDRESS, 1)
        mailbox, domain = APPLICATION_ADDRESS.split("@")
        link = self.link("mailto:" + APPLICATION_ADDRESS, mailbox + "@")
        link.append(self.page.document.createElement("wbr"), domain)
        node.replaceChildren(before, link, after)

    def link(self, href, text):
        link = self.page.document.createElement("a")
        link.href = href
        link.textContent = text
        return link

    def show_tally(self, report, verdict_title):
        counts = {"met": 0, "not_met": 0, "unclear": 0, "unanswered": 0}
        for row in report["requirements"]:
            counts[row["status"]] += 1
        peek = self.page.find(".sc-peek", self.page.form)
        # Not data-verdict: that is the result's. While provisional, not yet a verdict's colour.
        peek.setAttribute("data-peek-verdict", "provisional" if report["provisional"] else report["verdict"])
        set_text(self.page.find(".sc-peek-verdict", peek), verdict_title)
        tally = self.page.text("tally", **counts)
        set_text(self.page.find(".sc-peek-tally", peek), tally)
        # Its name as sentences (the parts are shown side by side, without stops).
        self.page.find("a", peek).setAttribute("aria-label", verdict_title + ". " + tally + " " + self.page.text("see_result"))

    def announce_later(self):
        window = self.page.window
        if self.timer is not None:
            window.clearTimeout(self.timer)
        self.timer = window.setTimeout(self.announce_proxy, ANNOUNCE_AFTER_MS)

    def announce(self, *args):
        self.timer = None
        for say in self.when_quiet:
            say()
        title, _explanation, params = headline(self.report)
        set_text(self.announcement, self.page._(title, **params) + ". " + self.page.find(".sc-peek-tally", self.page.form).textContent)
