"""Content-Security-Policy violations as a page reports them, for tests that
hold a page to its policy.

A `securitypolicyviolation` listener added before any of the page's own
scripts reports each one to Python through a binding: both reach the page
through the browser's debugging protocol, so the policy under test cannot
block them, and they survive reloads. Chromium's console lines about the
policy are kept too (a blocked inline script is reported in both)."""


def watch_policy_violations(context) -> list:
    """Every violation in every page of this browser context, from now on, as
    one readable line each."""
    found = []
    context.expose_binding("reportPolicyViolation", lambda source, line: found.append(line))
    context.add_init_script(
        """addEventListener("securitypolicyviolation", (event) => reportPolicyViolation(
            `${event.effectiveDirective} blocked ${event.blockedURI || "?"} in ${event.sourceFile}:${event.lineNumber}`));"""
    )
    context.on("console", lambda message: found.append("console: " + message.text)
               if "Content Security Policy" in message.text else None)
    return found
