"""The browser glue: the self-check page's Python, run by PyScript.

The page's script imports `checker.web.start` in the task after PyScript's
own start-up: `start` is the one module that does something when imported (in
steps, it imports the parts below, makes and wires them and marks the form
ready). The others only define what start.py wires:

    page       the page's elements and texts, and small DOM helpers
    form       reading and filling the answers in the form, one question at a time
    assessment the answers on the page; every change goes through it to `assess()`
    result     the verdict, the result rows, the tally and what a screen reader hears
    errors     the error summary and the notes beside the fields
    draft      the application e-mail draft
    storage    this browser's localStorage, never raising
    keeping    answers kept per question: brought back at start, saved as they change
    tabs       forget and its undo in every tab; what other tabs changed
    travel     export to a file, import from one, the share link
    incoming   a file's or link's answers: filled in, or the visitor chooses

Two modules never touch the page, so CPython tests them directly:

    saved      what may be kept, and what can be restored from any stored value
    portable   the answers object of a file or link: write, read, encode, merge
"""
